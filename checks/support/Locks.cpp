//===--- Locks.cpp - mutexes, guards and lock calls, once -----------------===//

#include "Locks.h"
#include "Compat.h"
#include "Containers.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::safedelete::locks {

const char DefaultMutexTypes[] =
    "::std::mutex;::std::recursive_mutex;::std::timed_mutex;"
    "::std::recursive_timed_mutex;::std::shared_mutex;"
    "::std::shared_timed_mutex;::absl::Mutex;::boost::mutex;"
    "::boost::recursive_mutex;::boost::timed_mutex;::boost::shared_mutex;"
    "::QMutex;::QRecursiveMutex;::QReadWriteLock";
const char DefaultLockGuardTypes[] =
    "::std::lock_guard;::std::unique_lock;::std::scoped_lock;"
    "::absl::MutexLock;::absl::WriterMutexLock;::absl::ReleasableMutexLock;"
    "::boost::lock_guard;::boost::unique_lock;::QMutexLocker;::QWriteLocker";
const char DefaultSharedLockGuardTypes[] =
    "::std::shared_lock;::absl::ReaderMutexLock;::boost::shared_lock;"
    "::QReadLocker";

namespace {

struct Conventional {
  llvm::StringRef Name;
  LockOp Op;
  bool Shared;
};

// The lock methods of the unannotated mutexes and guards in the defaults
// (std, Boost, Qt) and of Abseil's, for code where its attributes vanish.
constexpr Conventional ConventionalMethods[] = {
    {"lock", LockOp::Acquire, false},
    {"Lock", LockOp::Acquire, false},
    {"WriterLock", LockOp::Acquire, false},
    {"try_lock", LockOp::Acquire, false},
    {"try_lock_for", LockOp::Acquire, false},
    {"try_lock_until", LockOp::Acquire, false},
    {"TryLock", LockOp::Acquire, false},
    {"WriterTryLock", LockOp::Acquire, false},
    {"LockWhen", LockOp::Acquire, false},
    {"LockWhenWithTimeout", LockOp::Acquire, false},
    {"LockWhenWithDeadline", LockOp::Acquire, false},
    {"lockForWrite", LockOp::Acquire, false},
    {"tryLockForWrite", LockOp::Acquire, false},
    {"tryLock", LockOp::Acquire, false},
    {"relock", LockOp::Acquire, false},
    {"Acquire", LockOp::Acquire, false},
    {"AssertHeld", LockOp::Assert, false},
    {"AssertAcquired", LockOp::Assert, false},
    {"lock_shared", LockOp::Acquire, true},
    {"try_lock_shared", LockOp::Acquire, true},
    {"try_lock_shared_for", LockOp::Acquire, true},
    {"try_lock_shared_until", LockOp::Acquire, true},
    {"ReaderLock", LockOp::Acquire, true},
    {"ReaderTryLock", LockOp::Acquire, true},
    {"ReaderLockWhen", LockOp::Acquire, true},
    {"lockForRead", LockOp::Acquire, true},
    {"tryLockForRead", LockOp::Acquire, true},
    {"AssertReaderHeld", LockOp::Assert, true},
    {"unlock", LockOp::Release, false},
    {"Unlock", LockOp::Release, false},
    {"unlock_shared", LockOp::Release, true},
    {"WriterUnlock", LockOp::Release, false},
    {"ReaderUnlock", LockOp::Release, true},
    {"Release", LockOp::Release, false},
};

/// The effect of one attribute argument: the object for `this`, a
/// parameter by index, or the expression itself.
LockEffect effectOf(const FunctionDecl *Fn, LockOp Op, bool Shared,
                    const Expr *Arg) {
  LockEffect Effect;
  Effect.Op = Op;
  Effect.Shared = Shared;
  if (!Arg)
    return Effect;
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_Deref)
    E = Unary->getSubExpr()->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E))
    return Effect;
  Effect.Mutex = Arg;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Param && Param->getDeclContext() == Fn)
      Effect.Param = static_cast<int>(Param->getFunctionScopeIndex());
  return Effect;
}

/// Adds one effect per argument of an attribute, or one for the object
/// when it has none.
void addEffects(llvm::SmallVectorImpl<LockEffect> &Effects,
                const FunctionDecl *Fn, LockOp Op, bool Shared,
                llvm::ArrayRef<Expr *> Args) {
  if (Args.empty())
    Effects.push_back(effectOf(Fn, Op, Shared, nullptr));
  for (const Expr *Arg : Args)
    Effects.push_back(effectOf(Fn, Op, Shared, Arg));
}

} // namespace

llvm::SmallVector<LockEffect, 2> declaredEffects(const FunctionDecl *Fn) {
  llvm::SmallVector<LockEffect, 2> Effects;
  if (!Fn || !Fn->hasAttrs())
    return Effects;
  const auto Add = [&](LockOp Op,
                       llvm::ArrayRef<compat::CapabilityArgs> Attributes) {
    for (const compat::CapabilityArgs &A : Attributes)
      addEffects(Effects, Fn, Op, A.Shared, A.Args);
  };
  llvm::SmallVector<compat::CapabilityArgs, 1> Acquired, Released;
  compat::addCapabilityArgs<AcquireCapabilityAttr>(Fn, Acquired);
  compat::addCapabilityArgs<ReleaseCapabilityAttr>(Fn, Released);
  Add(LockOp::Acquire, Acquired);
  Add(LockOp::Release, Released);
  Add(LockOp::Acquire, compat::tryAcquireAttributes(Fn));
  Add(LockOp::Assert, compat::assertAttributes(Fn));
  return Effects;
}

bool conventionalEffect(llvm::StringRef Name, LockOp &Op, bool &Shared) {
  for (const Conventional &C : ConventionalMethods)
    if (C.Name == Name) {
      Op = C.Op;
      Shared = C.Shared;
      return true;
    }
  return false;
}

llvm::ArrayRef<llvm::StringRef> conventionalLockMethods() {
  static const llvm::SmallVector<llvm::StringRef, 40> Names = [] {
    llvm::SmallVector<llvm::StringRef, 40> All;
    for (const Conventional &C : ConventionalMethods)
      All.push_back(C.Name);
    return All;
  }();
  return Names;
}

bool isAnnotatedMutex(const CXXRecordDecl *Record) {
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record)
    return false;
  if (Record->hasAttr<CapabilityAttr>())
    return true;
  return llvm::any_of(Record->bases(), [](const CXXBaseSpecifier &Base) {
    return isAnnotatedMutex(Base.getType()->getAsCXXRecordDecl());
  });
}

bool isAnnotatedGuard(const CXXRecordDecl *Record) {
  return Record && Record->hasAttr<ScopedLockableAttr>();
}

bool locksEveryArgument(const NamedDecl *Guard) {
  return Guard && qualifiedNameOf(Guard) == "std::scoped_lock";
}

bool isStdMutex(QualType T) {
  if (T.isNull() || T->isPointerType() || T->isReferenceType())
    return false;
  static const llvm::StringSet<> Std = {
      "std::mutex",        "std::recursive_mutex",
      "std::timed_mutex",  "std::recursive_timed_mutex",
      "std::shared_mutex", "std::shared_timed_mutex"};
  return Std.count(qualifiedNameOf(T->getAsCXXRecordDecl()));
}

} // namespace clang::tidy::safedelete::locks
