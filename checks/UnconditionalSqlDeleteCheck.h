//===--- UnconditionalSqlDeleteCheck.h - safedelete -------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETECHECK_H
#define SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "support/CodeWalk.h"
#include "support/Compat.h"
#include "clang/Basic/OperatorKinds.h"
#include "llvm/ADT/StringSet.h"
#include <bitset>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::safedelete {

/// Finds SQL `DELETE` statements with no top-level `WHERE` that C++ code
/// hands to a database API, and ORM calls that delete every row.
///
/// For the user-facing documentation see:
/// docs/checks/unconditional-sql-delete.rst
class UnconditionalSqlDeleteCheck : public ClangTidyCheck,
                                    private CodeWalk::Visitor {
public:
  UnconditionalSqlDeleteCheck(StringRef Name, ClangTidyContext *Context);
  ~UnconditionalSqlDeleteCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  compat::Optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

  /// The state of one translation unit.
  struct State;

private:
  /// Runs the call matchers on the calls and constructions of the code
  /// walked that may be theirs.
  void visitStatement(const Stmt *S) override;
  /// Whether \p Call may be an SQL call, a stream of SQL, a delete-all
  /// call or a call of a wrapper: a test of its callee cheaper than the
  /// matchers.
  bool mayMatch(const CallExpr *Call) const;

  const std::string RawSqlFunctions;
  const std::string RawSqlParameterNames;
  const std::string RawDeleteAllFunctions;
  const std::string AllowedTables;
  const bool AllowExplicitAllRows;
  const bool CheckUpdate;
  const bool CheckAllStringLiterals;
  std::unique_ptr<State> TU;
  CodeWalk Walk;
  /// The matchers of SQL, stream, delete-all and wrapper calls and of SQL
  /// constructions, run on what visitStatement() lets through, not on every
  /// call of the translation unit.
  std::unique_ptr<ast_matchers::MatchFinder> CallMatchers;
  /// The last parts of SqlFunctions and DeleteAllFunctions.
  llvm::StringSet<> CalleeNames;
  /// The operators among them (`::SQL::Query::operator=`): an operator's
  /// name is no identifier that CalleeNames could hold.
  std::bitset<NUM_OVERLOADED_OPERATORS> ListedOperators;
  void noteListedOperator(StringRef Name);
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETECHECK_H
