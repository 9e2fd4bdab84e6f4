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

/// The arguments of one thread-safety attribute of a function, and whether
/// it is the shared form.
struct CapabilityArgs {
  llvm::ArrayRef<Expr *> Args;
  bool Shared = false;
};

/// Adds the arguments of every \p AttrT of \p Fn to \p Found, shared as
/// \p Shared says (for attribute classes with one spelling).
template <typename AttrT>
void addCapabilityArgs(const FunctionDecl *Fn,
                       llvm::SmallVectorImpl<CapabilityArgs> &Found,
                       bool Shared) {
  for (const auto *A : Fn->specific_attrs<AttrT>())
    Found.push_back({{A->args_begin(), A->args_size()}, Shared});
}

/// Adds the arguments of every \p AttrT of \p Fn to \p Found, shared as
/// its spelling says (`acquire_shared_capability`).
template <typename AttrT>
void addCapabilityArgs(const FunctionDecl *Fn,
                       llvm::SmallVectorImpl<CapabilityArgs> &Found) {
  for (const auto *A : Fn->specific_attrs<AttrT>())
    Found.push_back({{A->args_begin(), A->args_size()}, A->isShared()});
}

/// The assert attributes of \p Fn. LLVM 22 folds assert_exclusive_lock and
/// assert_shared_lock into assert_capability; before, each has an attribute
/// class of its own.
inline llvm::SmallVector<CapabilityArgs, 1>
assertAttributes(const FunctionDecl *Fn) {
  llvm::SmallVector<CapabilityArgs, 1> Found;
  addCapabilityArgs<AssertCapabilityAttr>(Fn, Found);
#if LLVM_VERSION_MAJOR < 22
  addCapabilityArgs<AssertExclusiveLockAttr>(Fn, Found, false);
  addCapabilityArgs<AssertSharedLockAttr>(Fn, Found, true);
#endif
  return Found;
}

/// The try-acquire attributes of \p Fn. LLVM 22 folds
/// exclusive_trylock_function and shared_trylock_function into
/// try_acquire_capability; before, each has an attribute class of its own.
inline llvm::SmallVector<CapabilityArgs, 1>
tryAcquireAttributes(const FunctionDecl *Fn) {
  llvm::SmallVector<CapabilityArgs, 1> Found;
  addCapabilityArgs<TryAcquireCapabilityAttr>(Fn, Found);
#if LLVM_VERSION_MAJOR < 22
  addCapabilityArgs<ExclusiveTrylockFunctionAttr>(Fn, Found, false);
  addCapabilityArgs<SharedTrylockFunctionAttr>(Fn, Found, true);
#endif
  return Found;
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
