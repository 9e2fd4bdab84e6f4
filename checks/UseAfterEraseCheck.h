//===--- UseAfterEraseCheck.h - safedelete ----------------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_USEAFTERERASECHECK_H
#define SAFEDELETE_CHECKS_USEAFTERERASECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "support/Compat.h"
#include "support/Containers.h"
#include "support/Flow.h"
#include <set>
#include <string>

namespace clang::tidy::safedelete {

/// Finds an iterator, reference, pointer or view into a container element
/// used after an erase, clear or insertion of that container invalidated it.
///
/// For the user-facing documentation see:
/// docs/checks/use-after-erase.rst
class UseAfterEraseCheck : public ClangTidyCheck {
public:
  UseAfterEraseCheck(StringRef Name, ClangTidyContext *Context);
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

private:
  const std::string RawNodeContainers;
  const std::string RawHashedContainers;
  const std::string RawContiguousContainers;
  ContainerTable Containers;
  FlowCache Flows;
  std::set<const Stmt *> Checked;
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_USEAFTERERASECHECK_H
