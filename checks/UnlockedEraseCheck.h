//===--- UnlockedEraseCheck.h - safedelete ----------------------*- C++ -*-===//

#ifndef SAFEDELETE_CHECKS_UNLOCKEDERASECHECK_H
#define SAFEDELETE_CHECKS_UNLOCKEDERASECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "support/CodeWalk.h"
#include "support/Compat.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::safedelete {
namespace unlocked {
struct Facts;
class FactCollector;
} // namespace unlocked

/// Finds an erase-family call on a container that the translation unit
/// otherwise accesses with a mutex held (or that is declared `GUARDED_BY` a
/// mutex), made here without that mutex or with it held only shared.
///
/// For the user-facing documentation see:
/// docs/checks/unlocked-erase.rst
class UnlockedEraseCheck : public ClangTidyCheck, private CodeWalk::Visitor {
public:
  UnlockedEraseCheck(StringRef Name, ClangTidyContext *Context);
  ~UnlockedEraseCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
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
  void registerCallMatchers();
  void enterFunction(const FunctionDecl *Fn) override;
  void enterLambda(const LambdaExpr *Lambda) override;
  /// Has the collector record the code walked, and runs the call matchers
  /// on each call and thread construction that may be theirs.
  void visitStatement(const Stmt *S) override;
  /// Whether \p Call may be a lock, join or thread-start call: a test of
  /// its callee cheaper than the call matchers.
  bool mayMatch(const CallExpr *Call) const;
  /// Records what the call matchers bound.
  void recordCall(const ast_matchers::BoundNodes &Nodes);
  /// The functions and methods the options say start a thread.
  std::vector<ast_matchers::internal::DynTypedMatcher> threadStartForms() const;

  const std::string RawMutexTypes;
  const std::string RawLockGuardTypes;
  const std::string RawSharedLockGuardTypes;
  const std::string RawEraseMethods;
  const std::string RawLockedFunctionPattern;
  const std::string RawThreadSafeContainerTypes;
  const std::string RawThreadStartFunctions;
  const std::string RawThreadClasses;
  const std::string RawThreadJoinFunctions;
  const bool InferFromUsage;
  utils::IncludeInserter Inserter;
  std::vector<std::string> MutexTypes;
  std::vector<std::string> LockGuardTypes;
  std::vector<std::string> ThreadSafeContainerTypes;
  std::vector<std::string> ThreadStartFunctions; // qualified
  std::vector<std::string> ThreadStartMethods;   // bare method names
  std::vector<std::string> ThreadClasses;
  std::vector<std::string> ThreadJoinFunctions;
  /// The identifiers of the functions and classes the call matchers name.
  llvm::StringSet<> CalleeNames;
  /// The matchers of lock, join and thread-start calls, run on the calls
  /// of the code walked that mayMatch() lets through, not on every call of
  /// the translation unit.
  std::unique_ptr<ast_matchers::MatchFinder> CallMatchers;
  CodeWalk Walk;
  /// What one translation unit shows: guards, lock calls, erase calls,
  /// functions and helper calls, decided on in onEndOfTranslationUnit.
  std::unique_ptr<unlocked::Facts> TU;
  /// Records the code walked into TU; holds the names the options give.
  std::unique_ptr<unlocked::FactCollector> Collector;
};

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_UNLOCKEDERASECHECK_H
