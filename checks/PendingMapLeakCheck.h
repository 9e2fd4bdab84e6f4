//===--- PendingMapLeakCheck.h - safedelete ---------------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_PENDINGMAPLEAKCHECK_H
#define SAFEDELETE_CHECKS_PENDINGMAPLEAKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "support/Compat.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::safedelete {
namespace pending_map_leak {
struct Facts;
} // namespace pending_map_leak

/// Finds entries of a map of pending completions (request id -> promise,
/// packaged task, channel, configured callback) that are completed but never
/// removed: the map grows with every request and a reused id finds a stale,
/// already satisfied entry.
///
/// For the user-facing documentation see:
/// docs/checks/pending-map-leak.rst
class PendingMapLeakCheck : public ClangTidyCheck {
public:
  PendingMapLeakCheck(StringRef Name, ClangTidyContext *Context);
  ~PendingMapLeakCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::Optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

private:
  std::vector<std::string> methodListOption(StringRef Check, StringRef Option,
                                            const std::string &Raw);

  const std::string RawPendingTypes;
  const std::string RawCallbackTypes;
  const std::string RawRequestCallbackTypes;
  const std::string RawCompletionMethods;
  const std::string RawOneShotCompletionMethods;
  const std::string RawContainerTypes;
  std::vector<std::string> PendingTypes;
  std::vector<std::string> CallbackTypes;
  std::vector<std::string> RequestCallbackTypes;
  /// CallbackTypes, then RequestCallbackTypes.
  std::vector<std::string> AnyCallbackTypes;
  std::vector<std::string> CompletionMethods;
  std::vector<std::string> OneShotCompletionMethods;
  std::vector<std::string> ContainerTypes;
  std::unique_ptr<pending_map_leak::Facts> State;
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_PENDINGMAPLEAKCHECK_H
