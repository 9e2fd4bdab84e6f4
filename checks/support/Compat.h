//===--- Compat.h - LLVM-version differences in one place -------*- C++ -*-===//
//
// The only file in safedelete that tests LLVM_VERSION_MAJOR. Everything that
// differs between the supported majors (14, 15, 16, 19, 22) is wrapped here;
// checks call these wrappers and never test the version themselves.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_COMPAT_H
#define SAFEDELETE_CHECKS_SUPPORT_COMPAT_H

#include "llvm/Config/llvm-config.h"

// LLVM 22 moved the registry into ClangTidyModule.h and deprecated the old
// header with a #warning.
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"

#if LLVM_VERSION_MAJOR >= 16
#include <optional>
#else
#include "llvm/ADT/Optional.h"
#endif

namespace clang::tidy::safedelete::compat {

/// The optional type of the matcher/clang-tidy APIs
/// (`getCheckTraversalKind`, `Options.get`).
#if LLVM_VERSION_MAJOR >= 16
template <typename T> using Optional = std::optional<T>;
#else
template <typename T> using Optional = llvm::Optional<T>;
#endif

/// Whether \p Function is a pure virtual member function (`= 0`); LLVM 18
/// renamed FunctionDecl::isPure to isPureVirtual.
inline bool isPureVirtual(const FunctionDecl *Function) {
#if LLVM_VERSION_MAJOR >= 18
  return Function->isPureVirtual();
#else
  return Function->isPure();
#endif
}

/// Writes a boolean option as text: OptionsView::store<bool> is an explicit
/// specialisation whose mangled name GCC and clang spell differently (its
/// enable_if_t<std::is_integral_v<T>> return type), so a GCC-built check
/// does not link against a clang-built clang-tidy. boolOption reads it.
inline void storeBool(const ClangTidyCheck::OptionsView &Options,
                      ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                      bool Value) {
  Options.store(Opts, Name, Value ? "true" : "false");
}

/// The mutexes that a call of \p Fn asserts to be held (the
/// thread-safety assert attributes), each with whether only shared. LLVM 22
/// folds assert_exclusive_lock and assert_shared_lock into
/// assert_capability; before, each has an attribute class of its own.
inline llvm::SmallVector<std::pair<const Expr *, bool>, 2>
assertedLocks(const FunctionDecl *Fn) {
  llvm::SmallVector<std::pair<const Expr *, bool>, 2> Locks;
  for (const auto *Assert : Fn->specific_attrs<AssertCapabilityAttr>())
    for (const Expr *Arg : Assert->args())
      Locks.push_back({Arg, Assert->isShared()});
#if LLVM_VERSION_MAJOR < 22
  for (const auto *Assert : Fn->specific_attrs<AssertExclusiveLockAttr>())
    for (const Expr *Arg : Assert->args())
      Locks.push_back({Arg, false});
  for (const auto *Assert : Fn->specific_attrs<AssertSharedLockAttr>())
    for (const Expr *Arg : Assert->args())
      Locks.push_back({Arg, true});
#endif
  return Locks;
}

/// An include inserter in \p Style. From LLVM 15 on it also takes whether
/// every diagnostic must carry its own insertion (clangd applies the fixes
/// of one diagnostic at a time); LLVM 14 has no such mode. Its
/// createIncludeInsertion returns compat::Optional<FixItHint>.
inline utils::IncludeInserter
makeIncludeInserter(utils::IncludeSorter::IncludeStyle Style,
                    const ClangTidyContext &Context) {
#if LLVM_VERSION_MAJOR >= 15
  return utils::IncludeInserter(Style, Context.areDiagsSelfContained());
#else
  (void)Context;
  return utils::IncludeInserter(Style);
#endif
}

/// The LLVM major this module was compiled against.
inline constexpr unsigned BuiltMajor = LLVM_VERSION_MAJOR;

} // namespace clang::tidy::safedelete::compat

#endif // SAFEDELETE_CHECKS_SUPPORT_COMPAT_H
