//===--- CodeWalk.cpp - one walk of the code a user wrote ----------------===//

#include "CodeWalk.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {
constexpr char FunctionId[] = "code-walk-function";
constexpr char LambdaId[] = "code-walk-lambda";
constexpr char FieldId[] = "code-walk-field";
} // namespace

void CodeWalk::registerRoots(MatchFinder &Finder,
                             MatchFinder::MatchCallback *Check) {
  // Code as written, whatever the traversal kind of the check: no template
  // instantiation, no call operator of a lambda's implicit class.
  const auto Spelled = [](const auto &Matcher) {
    return traverse(TK_IgnoreUnlessSpelledInSource, Matcher);
  };
  const auto NotSystem = unless(isExpansionInSystemHeader());
  Finder.addMatcher(
      Spelled(functionDecl(isDefinition(), NotSystem, hasBody(stmt()))
                  .bind(FunctionId)),
      Check);
  Finder.addMatcher(Spelled(lambdaExpr(NotSystem).bind(LambdaId)), Check);
  Finder.addMatcher(
      Spelled(
          fieldDecl(hasInClassInitializer(expr()), NotSystem).bind(FieldId)),
      Check);
}

bool CodeWalk::walkRoot(const BoundNodes &Nodes, Visitor &V) {
  if (const auto *Fn = Nodes.getNodeAs<FunctionDecl>(FunctionId))
    walkFunction(Fn, V);
  else if (const auto *Lambda = Nodes.getNodeAs<LambdaExpr>(LambdaId))
    walkLambda(Lambda, V);
  else if (const auto *Field = Nodes.getNodeAs<FieldDecl>(FieldId))
    walk(Field->getInClassInitializer(), V);
  else
    return false;
  return true;
}

void CodeWalk::walkFunction(const FunctionDecl *Fn, Visitor &V) {
  V.enterFunction(Fn);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        walk(Init->getInit(), V);
  walk(Fn->getBody(), V);
}

void CodeWalk::walkLambda(const LambdaExpr *Lambda, Visitor &V) {
  if (!WalkedLambdas.insert(Lambda).second)
    return;
  V.enterLambda(Lambda);
  for (const Expr *Init : Lambda->capture_inits())
    walk(Init, V);
  walk(Lambda->getBody(), V);
}

void CodeWalk::walk(const Stmt *S, Visitor &V) {
  if (!S)
    return;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    return walkLambda(Lambda, V);
  if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S)) {
    // What is spelled: its calls of begin(), end() and the iterator's
    // operators are implicit.
    V.visitStatement(S);
    walk(Loop->getInit(), V);
    walk(Loop->getRangeInit(), V);
    walk(Loop->getBody(), V);
    return;
  }
  V.visitStatement(S);
  for (const Stmt *Child : S->children())
    walk(Child, V);
}

bool constructsClassNamed(const CXXConstructExpr *Construct,
                          const llvm::StringSet<> &Names) {
  const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
  return Class->getIdentifier() && Names.count(Class->getName());
}

} // namespace clang::tidy::safedelete
