//===--- LookupBeforeEraseCheck.h - safedelete ------------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_LOOKUPBEFOREERASECHECK_H
#define SAFEDELETE_CHECKS_LOOKUPBEFOREERASECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "support/Compat.h"
#include "support/Containers.h"
#include <string>
#include <vector>

namespace clang::tidy::safedelete {

/// Finds a lookup (`count`, `contains`, `find`) that only guards an erase of
/// the same key: erase already does nothing when the key is absent, so the
/// lookup costs a second search and, on a shared container, opens a
/// check-then-act race.
///
/// For the user-facing documentation see:
/// docs/checks/lookup-before-erase.rst
class LookupBeforeEraseCheck : public ClangTidyCheck {
public:
  LookupBeforeEraseCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  compat::Optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  const std::string RawContainerTypes;
  const std::vector<std::string> ContainerTypes;
  /// The table, with the listed classes that it does not know.
  ContainerTable Containers;
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_LOOKUPBEFOREERASECHECK_H
