// Project mutexes and guards known only by Clang's thread-safety attributes,
// as leveldb, Abseil, Chromium's base, gRPC and RocksDB declare them: no
// option names them, the attributes say what they are.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <set>
#include <string>

#define CAPABILITY(x) __attribute__((capability(x)))
#define LOCKABLE __attribute__((lockable))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define EXCLUSIVE_LOCK_FUNCTION(...) __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define ASSERT_CAPABILITY(x) __attribute__((assert_capability(x)))

// Abseil's and Chromium's spelling.
class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  void ReaderLock() ACQUIRE_SHARED();
  void ReaderUnlock() RELEASE_SHARED();
  bool TryLock() TRY_ACQUIRE(true);
  void AssertHeld() const ASSERT_CAPABILITY(this);
};

class SCOPED_CAPABILITY MutexLock {
public:
  explicit MutexLock(Mutex *mu) ACQUIRE(mu);
  ~MutexLock() RELEASE();
};

class SCOPED_CAPABILITY ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu) ACQUIRE_SHARED(mu);
  ~ReaderMutexLock() RELEASE();
};

// A guard whose mutex is not its first argument.
class SCOPED_CAPABILITY TimedLock {
public:
  TimedLock(int timeout_ms, Mutex &mu) ACQUIRE(mu);
  ~TimedLock() RELEASE();
};

struct Table {
  // ===== Silent: the mutex is held, in every annotated form =====
  void Remove(const std::string &f) {
    mu_.Lock();
    files_.erase(f);
    mu_.Unlock();
  }
  void RemoveScoped(const std::string &f) {
    MutexLock l(&mu_);
    files_.erase(f);
  }
  void RemoveTimed(const std::string &f) {
    TimedLock l(100, mu_);
    files_.erase(f);
  }
  void RemoveAsserted(const std::string &f) {
    mu_.AssertHeld();
    files_.erase(f);
  }
  void RemoveIfFree(const std::string &f) {
    if (mu_.TryLock()) {
      files_.erase(f);
      mu_.Unlock();
    }
  }
  void Add(const std::string &f) {
    MutexLock l(&mu_);
    files_.insert(f);
  }

  // ===== Flagged =====
  void RemoveUnlocked(const std::string &f) {
    files_.erase(f);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'files_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void RemoveAfterUnlock(const std::string &f) {
    mu_.Lock();
    mu_.Unlock();
    files_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'clear' modifies 'files_' without holding 'mu_'
  }
  void RemoveUnderReader(const std::string &f) {
    ReaderMutexLock l(&mu_);
    files_.erase(f);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'files_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
  }
  void RemoveUnderReaderLock(const std::string &f) {
    mu_.ReaderLock();
    files_.erase(f);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'files_' while 'mu_' is held only shared
    mu_.ReaderUnlock();
  }
  // Holding another mutex is not holding the one that guards the set.
  void RemoveUnderOther(const std::string &f) {
    MutexLock l(&other_mu_);
    files_.erase(f);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'files_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

  Mutex mu_;
  Mutex other_mu_;
  std::set<std::string> files_ GUARDED_BY(mu_);
};

// Lock functions known only by their attributes: names no convention knows.
class CAPABILITY("mutex") Latch {
public:
  void Enter() ACQUIRE();
  void Leave() RELEASE();
  bool Grab() TRY_ACQUIRE(true);
  void Check() const ASSERT_CAPABILITY(this);
};

struct Journal {
  void LockAll() ACQUIRE(latch_);
  void UnlockAll() RELEASE(latch_);

  // ===== Silent =====
  void Drop(int k) {
    latch_.Enter();
    entries_.erase(k);
    latch_.Leave();
  }
  void DropIfFree(int k) {
    if (latch_.Grab()) {
      entries_.erase(k);
      latch_.Leave();
    }
  }
  void DropChecked(int k) {
    latch_.Check();
    entries_.erase(k);
  }
  void DropAll() {
    LockAll();
    entries_.clear();
    UnlockAll();
  }

  // ===== Flagged =====
  void DropAfterLeave(int k) {
    latch_.Enter();
    latch_.Leave();
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'erase' modifies 'entries_' without holding 'latch_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void DropAfterUnlockAll() {
    LockAll();
    UnlockAll();
    entries_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'clear' modifies 'entries_' without holding 'latch_', the mutex that guards it [safedelete-unlocked-erase]
  }

  Latch latch_;
  std::set<int> entries_ GUARDED_BY(latch_);
};

// leveldb's spelling: port::Mutex is LOCKABLE, MutexLock SCOPED_LOCKABLE,
// the old lock-function attributes.
namespace port {
class LOCKABLE Mutex {
public:
  void Lock() EXCLUSIVE_LOCK_FUNCTION();
  void Unlock() UNLOCK_FUNCTION();
};
} // namespace port

class SCOPED_CAPABILITY PortLock {
public:
  explicit PortLock(port::Mutex *mu) EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~PortLock() UNLOCK_FUNCTION() { mu_->Unlock(); }

private:
  port::Mutex *const mu_;
};

class VersionSet {
public:
  // ===== Silent =====
  void Forget(int n) {
    PortLock l(&mutex_);
    pending_outputs_.erase(n);
  }
  void ForgetByHand(int n) {
    mutex_.Lock();
    pending_outputs_.erase(n);
    mutex_.Unlock();
  }
  // Through a pointer to the mutex, as leveldb's DBImpl does.
  void ForgetThroughPointer(int n) {
    port::Mutex *mu = &mutex_;
    mu->Lock();
    pending_outputs_.erase(n);
    mu->Unlock();
  }
  // A guard with no thread-safety attribute, the default vocabulary.
  void Add(int n) {
    PortLock l(&mutex_);
    pending_outputs_.insert(n);
  }

  // ===== Flagged =====
  void ForgetUnlocked(int n) {
    pending_outputs_.erase(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'erase' modifies 'pending_outputs_' without holding 'mutex_', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  port::Mutex mutex_;
  std::set<int> pending_outputs_ GUARDED_BY(mutex_);
};

// Inferred from usage: an annotated guard taken around a modification is
// evidence, as a std::lock_guard is.
class Registry {
public:
  void Put(int k) {
    MutexLock l(&mu_);
    m_[k] = 1;
  }
  // ===== Flagged =====
  void Drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  // ===== Silent =====
  void DropHeld(int k) {
    MutexLock l(&mu_);
    m_.erase(k);
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
