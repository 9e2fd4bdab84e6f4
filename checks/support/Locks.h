//===--- Locks.h - mutexes, guards and lock calls, once ---------*- C++ -*-===//
//
// What locks what. Clang's thread-safety attributes say it for every
// annotated code base (Abseil, Chromium's base, gRPC, leveldb, RocksDB): a
// `capability`/`lockable` class is a mutex, a `scoped_lockable` class a
// guard whose constructor's `acquire_capability` names the mutex, and
// functions declare what they acquire, release or assert. Unannotated types
// come from the options, whose defaults are stated here, and lock methods of
// unannotated mutexes from the conventional names.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_LOCKS_H
#define SAFEDELETE_CHECKS_SUPPORT_LOCKS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class NamedDecl;
namespace tidy::safedelete::locks {

/// Mutex classes without thread-safety attributes (std, Boost, Qt; Abseil's
/// are annotated, listed for code compiled by GCC, where the attributes
/// vanish).
extern const char DefaultMutexTypes[];
/// Guards that lock their first argument exclusively (`std::scoped_lock`
/// locks them all).
extern const char DefaultLockGuardTypes[];
/// Guards that lock their first argument shared.
extern const char DefaultSharedLockGuardTypes[];

/// How a lock is held.
enum class Hold { None, Shared, Exclusive };

/// What a call does to a lock.
enum class LockOp { Acquire, Release, Assert };

/// One lock a function acquires (try-acquires included), releases or
/// asserts, as its thread-safety attribute names it.
struct LockEffect {
  LockOp Op = LockOp::Acquire;
  bool Shared = false;
  /// The mutex as the attribute spells it; null for the object the method
  /// is called on (an attribute without arguments, or `this`).
  const Expr *Mutex = nullptr;
  /// The index of the parameter the attribute names (`ACQUIRE(mu)` on
  /// `MutexLock(Mutex *mu)`), or -1.
  int Param = -1;
};

/// The lock effects \p Fn declares with thread-safety attributes; empty
/// for an unannotated function.
llvm::SmallVector<LockEffect, 2> declaredEffects(const FunctionDecl *Fn);

/// What calling a method named \p Name does to an unannotated mutex or
/// guard by the conventional vocabulary (`lock`, `unlock_shared`,
/// `ReaderLock`, `lockForWrite`...); false when the name is not a lock
/// method.
bool conventionalEffect(llvm::StringRef Name, LockOp &Op, bool &Shared);

/// Every name conventionalEffect knows, for matchers.
llvm::ArrayRef<llvm::StringRef> conventionalLockMethods();

/// Whether \p Record or a base is declared a mutex (`capability`,
/// `lockable`).
bool isAnnotatedMutex(const CXXRecordDecl *Record);

/// Whether \p Record is declared a guard (`scoped_lockable`).
bool isAnnotatedGuard(const CXXRecordDecl *Record);

/// Whether the guard class (or class template) \p Guard locks every mutex
/// it is given, not only the first: `std::scoped_lock`.
bool locksEveryArgument(const NamedDecl *Guard);

/// Whether \p T is a standard mutex, for which a fix-it may insert a
/// standard guard.
bool isStdMutex(QualType T);

} // namespace tidy::safedelete::locks
} // namespace clang

#endif // SAFEDELETE_CHECKS_SUPPORT_LOCKS_H
