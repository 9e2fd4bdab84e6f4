//===--- LookupBeforeEraseCheck.cpp - safedelete --------------------------===//
//
// Matchers find an `if` that tests a lookup and erases or leaves; the model
// (LookupBeforeEraseModel) says which erase it guards and what surrounds
// it; the reporters here speak and offer the fix that applies.
//
//===----------------------------------------------------------------------===//

#include "LookupBeforeEraseCheck.h"
#include "LookupBeforeEraseModel.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {

using namespace lookup_before_erase;

constexpr char LookupId[] = "lookup";
constexpr char EndId[] = "end";
constexpr char IterId[] = "iter";
constexpr char IfId[] = "if";
constexpr char CountIsOneId[] = "count-is-one";
constexpr char ExitId[] = "exit";
constexpr char RedundantLookup[] =
    "redundant lookup in '%0' before %1; '%1' does nothing when the key is "
    "absent";
constexpr char RepeatedLookup[] =
    "'erase' repeats the lookup in '%0' that 'find' already made; erase "
    "through %1";
/// The titles of the fixes (what clangd names its code actions).
std::string testRemoval(StringRef Removal) {
  return ("test what " + Removal + " returns instead of the lookup").str();
}

std::string eraseThrough(const VarDecl *Iter) {
  return ("erase through '" + Iter->getName() + "'").str();
}

/// Whether \p S names a method or function that the lookup tests call:
/// `count`, `contains`, `find`, `end` or `cend`.
bool namesLookup(const Stmt *S) {
  const IdentifierInfo *Id = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    Id = Member->getMemberDecl()->getIdentifier();
  else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(S))
    Id = Dependent->getMember().getAsIdentifierInfo();
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Id = Ref->getDecl()->getIdentifier();
  if (Id &&
      isOneOf(Id->getName(), {"count", "contains", "find", "end", "cend"}))
    return true;
  return llvm::any_of(S->children(), [](const Stmt *Child) {
    return Child && namesLookup(Child);
  });
}

/// An `if` whose condition names a lookup (namesLookup): a test much
/// cheaper than the lookup tests, which most conditions fail.
AST_MATCHER(IfStmt, conditionNamesLookup) {
  return Node.getCond() && namesLookup(Node.getCond());
}

/// Matches a function template's parameter (or a pointer or reference)
/// whose type is a template parameter, when every instantiation of the
/// template, and there is one, gives it a one-key container type of
/// \p Containers that \p Inner matches: code written for any map, used with listed ones.
AST_MATCHER_P2(Expr, instantiatedAs,
               ast_matchers::internal::Matcher<QualType>, Inner,
               const ContainerTable *, Containers) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Node.IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Function =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  const FunctionTemplateDecl *Template =
      Function ? Function->getDescribedFunctionTemplate() : nullptr;
  if (!Template || !Param->getType()->isDependentType() ||
      llvm::any_of(Function->parameters(),
                   [](const ParmVarDecl *P) { return P->isParameterPack(); }))
    return false;
  const unsigned Index = Param->getFunctionScopeIndex();
  bool Any = false;
  for (const FunctionDecl *Instance : Template->specializations()) {
    if (Index >= Instance->getNumParams())
      return false;
    QualType Type =
        Instance->getParamDecl(Index)->getType().getNonReferenceType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    const auto Info = Containers->classify(Type);
    if (!Info || Info->MultiKey || !Inner.matches(Type, Finder, Builder))
      return false;
    Any = true;
  }
  return Any;
}

/// `if (<absent>) return; c.erase(k);`: the lookup only leaves early, and
/// erase can tell whether the key was there.
void reportEarlyExit(ClangTidyCheck &Check, const IfStmt *If,
                     const MemberCall &Lookup, StringRef Removal, bool MultiKey,
                     const VarDecl *Iter, const SourceManager &SM,
                     const LangOptions &LangOpts) {
  if (!isBlockStatement(If, SM, LangOpts) ||
      inMacro(If->getCond()->getSourceRange()))
    return;
  const compat::Optional<EraseAfter> Erase =
      eraseAfter(If, Lookup, Removal, SM, LangOpts);
  if (!Erase)
    return;
  const StringRef ObjectText =
      textOf(Lookup.object()->getSourceRange(), SM, LangOpts);

  if (Iter) {
    // auto it = c.find(k); if (it == c.end()) return; c.erase(k);
    if (MultiKey || !declaredRightBefore(Iter, If, SM, LangOpts))
      return;
    auto Diag = Check.diag(Erase->Name, RepeatedLookup) << ObjectText << Iter;
    attachFix(Check, Diag, Erase->Name, eraseThrough(Iter),
              FixItHint::CreateReplacement(
                  CharSourceRange::getTokenRange(Erase->Key), Iter->getName()));
    return;
  }

  // if (!c.count(k)) return; c.erase(k); -> if (!c.erase(k)) return;
  auto Diag = Check.diag(Lookup.nameLoc(), RedundantLookup)
              << ObjectText << Removal;
  const CharSourceRange Statement =
      statementRemoval(Erase->Begin, Erase->RParen, SM, LangOpts);
  if (Statement.isInvalid())
    return;
  const StringRef EraseText =
      textOf(SourceRange(Erase->Begin, Erase->RParen), SM, LangOpts);
  attachFix(Check, Diag, Lookup.nameLoc(), testRemoval(Removal),
            {FixItHint::CreateReplacement(If->getCond()->getSourceRange(),
                                          ("!" + EraseText).str()),
             FixItHint::CreateRemoval(Statement)});
}

/// auto it = c.find(k); if (it != c.end()) ... c.erase(k);
void reportFindThenErase(ClangTidyCheck &Check, const GuardedErase &G,
                         const MemberCall &Lookup, bool MultiKey,
                         const VarDecl *Iter, const SourceManager &SM,
                         const LangOptions &LangOpts) {
  if (!declaredRightBefore(Iter, G.If, SM, LangOpts))
    return;
  const StringRef ObjectText =
      textOf(Lookup.object()->getSourceRange(), SM, LangOpts);
  if (MultiKey) {
    // erase(it) would remove one element where erase(k) removes them all:
    // the find is redundant when nothing else uses its result.
    if (G.Body.size() == 1 && !G.Nested)
      Check.diag(Lookup.nameLoc(), RedundantLookup) << ObjectText << "erase";
    return;
  }
  const bool Touched = touchedBeforeErase(G, Lookup, Iter);
  const Expr *Arg = G.Erase.arg(0);
  auto Diag = Check.diag(G.Erase.nameLoc(), RepeatedLookup)
              << ObjectText << Iter;
  if (!Touched && !inMacro(Arg->getSourceRange()))
    attachFix(Check, Diag, G.Erase.nameLoc(), eraseThrough(Iter),
              FixItHint::CreateReplacement(Arg->getSourceRange(),
                                           Iter->getName()));
}

/// if (c.count(k)) { c.erase(k); ... }: the erase must come first, so that
/// the lookup guards nothing else.
void reportCountThenErase(ClangTidyCheck &Check, const GuardedErase &G,
                          const MemberCall &Lookup, StringRef Removal,
                          const SourceManager &SM,
                          const LangOptions &LangOpts) {
  if (!G.Before.empty())
    return;
  const auto TextOf = [&](const Stmt *S) {
    return textOf(S->getSourceRange(), SM, LangOpts);
  };
  const IfStmt *If = G.If;
  const StringRef EraseText = TextOf(G.Erase.call());
  auto Diag = Check.diag(Lookup.nameLoc(), RedundantLookup)
              << TextOf(Lookup.object()) << Removal;

  if (G.Body.size() == 1) {
    const bool Braced = isa<CompoundStmt>(If->getThen());
    attachFix(Check, Diag, Lookup.nameLoc(),
              (Removal + " without the lookup").str(),
              FixItHint::CreateReplacement(
                  If->getSourceRange(),
                  (TextOf(G.EraseStmt) + (Braced ? ";" : "")).str()));
    return;
  }

  // if (c.count(k)) { c.erase(k); return true; } return false;
  bool Returned = false;
  if (G.Body.size() == 2 && returnsBool(G.Body[1], Returned)) {
    const SourceLocation Otherwise = returnAfter(If, !Returned, SM, LangOpts);
    if (Otherwise.isValid()) {
      attachFix(
          Check, Diag, Lookup.nameLoc(),
          ("return what " + Removal + " returns").str(),
          FixItHint::CreateReplacement(
              SourceRange(If->getBeginLoc(), Otherwise),
              ("return " + EraseText + (Returned ? " != 0" : " == 0")).str()));
      return;
    }
  }

  // if (c.count(k)) { c.erase(k); f(); } -> if (c.erase(k)) { f(); }
  const CharSourceRange Statement = statementRemoval(
      G.EraseStmt->getBeginLoc(), G.EraseStmt->getEndLoc(), SM, LangOpts);
  if (Statement.isInvalid() || inMacro(If->getCond()->getSourceRange()))
    return;
  attachFix(
      Check, Diag, Lookup.nameLoc(), testRemoval(Removal),
      {FixItHint::CreateReplacement(If->getCond()->getSourceRange(), EraseText),
       FixItHint::CreateRemoval(Statement)});
}

} // namespace

LookupBeforeEraseCheck::LookupBeforeEraseCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawContainerTypes(Options.get("ContainerTypes", keyedFamilyList())),
      ContainerTypes(classListOption(Context, Name, "ContainerTypes",
                                     RawContainerTypes, "::std::map")) {
  Containers.addListed(ContainerTypes);
}

void LookupBeforeEraseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", RawContainerTypes);
}

namespace {

/// The conditions of an `if` that test a lookup's result.
struct LookupTests {
  StatementMatcher Presence; ///< `c.count(k)`, `c.contains(k)`, `find != end`
  StatementMatcher Iter;     ///< `it != c.end()` with `auto it = c.find(k)`
  StatementMatcher Absence;  ///< `!c.count(k)`, `c.find(k) == c.end()`...
};

/// The tests, built on \p MethodCall(name, arguments), the matcher of a
/// member call on a container of the table.
template <typename CallFn> LookupTests lookupTests(const CallFn &MethodCall) {
  const auto Lookup = [&](StringRef Method) {
    return MethodCall(Method, 1).bind(LookupId);
  };
  const auto Count = Lookup("count");
  const auto Zero = integerLiteral(equals(0));
  const auto One = integerLiteral(equals(1));
  const auto CountTest = anyOf(
      Count, binaryOperator(hasOperatorName("!="), hasOperands(Count, Zero)),
      binaryOperator(hasOperatorName(">"), hasLHS(Count), hasRHS(Zero)),
      binaryOperator(hasOperatorName("<"), hasLHS(Zero), hasRHS(Count)),
      binaryOperator(hasOperatorName(">="), hasLHS(Count), hasRHS(One)),
      binaryOperator(hasOperatorName("<="), hasLHS(One), hasRHS(Count)),
      // A presence test only where a key occurs at most once.
      binaryOperator(hasOperatorName("=="), hasOperands(Count, One))
          .bind(CountIsOneId));
  const auto End = expr(anyOf(MethodCall("end", 0), MethodCall("cend", 0),
                              callExpr(callee(functionDecl(hasAnyName(
                                           "::std::end", "::std::cend"))),
                                       argumentCountIs(1))))
                       .bind(EndId);
  const auto Find = Lookup("find");
  const auto IterRef = declRefExpr(
      to(varDecl(hasLocalStorage(), hasInitializer(Find)).bind(IterId)));
  const auto IterTest =
      binaryOperation(hasOperatorName("!="), hasOperands(IterRef, End));
  // if (!c.count(k)) return; c.erase(k);
  const auto AbsenceTest =
      anyOf(unaryOperator(hasOperatorName("!"),
                          hasUnaryOperand(ignoringParenImpCasts(
                              anyOf(Count, Lookup("contains"))))),
            binaryOperator(hasOperatorName("=="), hasOperands(Count, Zero)),
            binaryOperation(hasOperatorName("=="),
                            hasOperands(anyOf(Find, IterRef), End)));
  return {
      expr(anyOf(CountTest, Lookup("contains"),
                 binaryOperation(hasOperatorName("!="), hasOperands(Find, End)),
                 IterTest)),
      IterTest, expr(AbsenceTest)};
}

} // namespace

void LookupBeforeEraseCheck::registerMatchers(MatchFinder *Finder) {
  if (ContainerTypes.empty())
    return;
  const std::vector<StringRef> Names(ContainerTypes.begin(),
                                     ContainerTypes.end());
  const auto ContainerType = qualType(hasUnqualifiedDesugaredType(recordType(
      hasDeclaration(cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(Names)))))));
  // In a template, `std::map<K, V>` with dependent arguments: the class
  // template is known even though the class is not.
  const auto DependentContainerType =
      qualType(hasUnqualifiedDesugaredType(templateSpecializationType(
          hasDeclaration(namedDecl(hasAnyName(Names))))));
  const auto OfType = [](const auto &Type) {
    return expr(anyOf(hasType(Type), hasType(pointsTo(Type))));
  };
  const auto MethodCall = [&](StringRef Method, unsigned Args) {
    return callExpr(
        argumentCountIs(Args),
        anyOf(cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method))),
                                on(OfType(ContainerType))),
              callee(cxxDependentScopeMemberExpr(
                  hasMemberName(std::string(Method)),
                  hasObjectExpression(
                      anyOf(OfType(DependentContainerType),
                            instantiatedAs(ContainerType, &Containers)))))));
  };
  const LookupTests Tests = lookupTests(MethodCall);
  const auto Erase =
      expr(anyOf(MethodCall("erase", 1), MethodCall("remove", 1)));
  const auto EraseStmt =
      expr(anyOf(Erase, explicitCastExpr(hasDestinationType(voidType()),
                                         hasSourceExpression(Erase))));
  const auto Exit = stmt(anyOf(returnStmt(), continueStmt(), breakStmt(),
                               gotoStmt(), cxxThrowExpr()));

  Finder->addMatcher(
      ifStmt(
          unless(isExpansionInSystemHeader()), conditionNamesLookup(),
          unless(hasElse(stmt())), unless(hasInitStatement(stmt())),
          unless(hasConditionVariableStatement(declStmt())),
          anyOf(
              allOf(hasCondition(Tests.Presence),
                    hasThen(stmt(
                        anyOf(EraseStmt,
                              compoundStmt(hasAnySubstatement(EraseStmt)))))),
              // auto it = c.find(k); if (it != c.end()) { if (...) c.erase(k);
              // }
              allOf(hasCondition(Tests.Iter),
                    hasThen(hasDescendant(EraseStmt))),
              allOf(hasCondition(Tests.Absence),
                    hasThen(stmt(anyOf(Exit, compoundStmt(statementCountIs(1),
                                                          has(Exit))))
                                .bind(ExitId)))))
          .bind(IfId),
      this);
}

void LookupBeforeEraseCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  const auto *If = Result.Nodes.getNodeAs<IfStmt>(IfId);
  const MemberCall Lookup =
      MemberCall::of(Result.Nodes.getNodeAs<CallExpr>(LookupId));
  const auto *Iter = Result.Nodes.getNodeAs<VarDecl>(IterId);
  const bool MultiKey = isMultiKey(Containers, Lookup);
  if (Result.Nodes.getNodeAs<BinaryOperator>(CountIsOneId) && MultiKey)
    return;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LangOpts = getLangOpts();

  // Code written by a macro is the macro's business.
  if (inMacro(If->getSourceRange()) || inMacro(Lookup.call()->getSourceRange()))
    return;
  if (!isSideEffectFreeAccess(Lookup.object()) ||
      !isSideEffectFreeAccess(Lookup.arg(0)) ||
      !endOfSameObject(Result.Nodes.getNodeAs<Expr>(EndId), Lookup))
    return;

  // Qt's erase takes an iterator and remove a key: the find forms rewrite
  // the method too, which the fixes do not.
  const std::string Removal = keyRemovalOf(Containers, Lookup);
  if (Iter && Removal != "erase")
    return;
  if (Result.Nodes.getNodeAs<Stmt>(ExitId)) {
    reportEarlyExit(*this, If, Lookup, Removal, MultiKey, Iter, SM, LangOpts);
    return;
  }

  GuardedErase Guarded = guardedErase(If, Lookup, Removal, Iter);
  if (!Guarded.EraseStmt || inMacro(Guarded.EraseStmt->getSourceRange()) ||
      !isSameAccess(Guarded.Erase.arg(0), Lookup.arg(0)))
    return;
  if (Iter)
    reportFindThenErase(*this, Guarded, Lookup, MultiKey, Iter, SM, LangOpts);
  else
    reportCountThenErase(*this, Guarded, Lookup, Removal, SM, LangOpts);
}

} // namespace clang::tidy::safedelete
