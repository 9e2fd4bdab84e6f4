//===--- CodeWalk.h - one walk of the code a user wrote --------*- C++ -*-===//
//
// A matcher on calls is dispatched on every call of the translation unit,
// system headers included, and costs there even where a cheap test rejects
// the node. A check that needs a few calls of user code walks that code
// instead: the roots below match once per function, and the walk visits
// every statement of the code as written (no template instantiation, no
// implicit call), in pre-order. A check runs its own matchers, if any, on
// the few statements it picks (ast_matchers::MatchFinder::match).
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_CODEWALK_H
#define SAFEDELETE_CHECKS_SUPPORT_CODEWALK_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::safedelete {

class CodeWalk {
public:
  /// What a check does with the code walked.
  class Visitor {
  public:
    virtual ~Visitor() = default;
    /// A function definition, before its code (member initializers, body).
    virtual void enterFunction(const FunctionDecl *) {}
    /// A lambda, before its code (captures, body).
    virtual void enterLambda(const LambdaExpr *) {}
    virtual void visitStatement(const Stmt *S) = 0;
  };

  /// Registers the roots for \p Check, whose check() hands every match to
  /// walkRoot(): function definitions outside system headers, and the
  /// lambdas and in-class initializers that are not inside one (those are
  /// walked with their function: it matches first). Not walked: the
  /// initializers of variables at namespace scope (static initialization;
  /// a matcher on them would be dispatched on every parameter of the
  /// translation unit), default arguments.
  static void registerRoots(ast_matchers::MatchFinder &Finder,
                            ast_matchers::MatchFinder::MatchCallback *Check);
  /// Walks the root \p Nodes bound; false when they bound no root.
  bool walkRoot(const ast_matchers::BoundNodes &Nodes, Visitor &V);
  /// Forgets the lambdas walked: a new translation unit begins.
  void reset() { WalkedLambdas.clear(); }

private:
  void walkFunction(const FunctionDecl *Fn, Visitor &V);
  void walkLambda(const LambdaExpr *Lambda, Visitor &V);
  void walk(const Stmt *S, Visitor &V);

  llvm::SmallPtrSet<const LambdaExpr *, 8> WalkedLambdas;
};

/// Whether the class \p Construct builds has one of \p Names (unqualified):
/// the test before running a matcher on a construction.
bool constructsClassNamed(const CXXConstructExpr *Construct,
                          const llvm::StringSet<> &Names);

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_SUPPORT_CODEWALK_H
