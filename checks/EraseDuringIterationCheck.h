//===--- EraseDuringIterationCheck.h - safedelete ---------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_ERASEDURINGITERATIONCHECK_H
#define SAFEDELETE_CHECKS_ERASEDURINGITERATIONCHECK_H

#include "EraseDuringIterationFixes.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "support/Compat.h"
#include "support/Containers.h"
#include <set>
#include <string>
#include <vector>

namespace clang::tidy::safedelete {

/// Finds erase, clear and other removals (and, optionally, insertions) on a
/// container while a loop walks it with an iterator they invalidate, and
/// `it = c.erase(it)` followed by an unconditional `++it`.
///
/// For the user-facing documentation see:
/// docs/checks/erase-during-iteration.rst
class EraseDuringIterationCheck : public ClangTidyCheck {
public:
  EraseDuringIterationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  // Template instantiations are checked too (each site is reported once).
  compat::Optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

  using FixKind = erase_during_iteration::FixKind;

private:
  void checkRangeFor(const Stmt *S, ASTContext &Context);
  void checkIteratorLoop(const Stmt *Loop, ASTContext &Context);
  void checkForEach(const Expr *E, ASTContext &Context);
  void checkPostIncrementErase(const Expr *E, ASTContext &Context);
  /// Whether the site at \p Loc is new (instantiations repeat it).
  bool firstReport(SourceLocation Loc);

  const std::string RawContainerTypes;
  const std::string RawEraseMethods;
  const std::string RawFixMode;
  bool CheckInsertions = true;
  ContainerTable Containers;
  std::vector<std::string> EraseMethods;
  FixKind Fix = FixKind::EraseIf;
  std::set<unsigned> Reported;
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_ERASEDURINGITERATIONCHECK_H
