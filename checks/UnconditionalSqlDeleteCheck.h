//===--- UnconditionalSqlDeleteCheck.h - safedelete -------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETECHECK_H
#define SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "support/Compat.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::safedelete {

/// Finds SQL `DELETE` statements with no top-level `WHERE` that C++ code
/// hands to a database API, and ORM calls that delete every row.
///
/// For the user-facing documentation see:
/// docs/checks/unconditional-sql-delete.rst
class UnconditionalSqlDeleteCheck : public ClangTidyCheck {
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
  /// Reads a boolean option, reporting a value that is not one.

  const std::string RawSqlFunctions;
  const std::string RawDeleteAllFunctions;
  const std::string AllowedTables;
  const bool AllowExplicitAllRows;
  const bool CheckUpdate;
  const bool CheckAllStringLiterals;
  std::unique_ptr<State> TU;
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETECHECK_H
