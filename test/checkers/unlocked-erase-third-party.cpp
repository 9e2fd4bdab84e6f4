// The default MutexTypes, LockGuardTypes and SharedLockGuardTypes beyond the
// standard library: Abseil, Qt and Boost, whose guards take a pointer or a
// reference.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <QtCore/QMutex>
#include <absl/synchronization/mutex.h>
#include <boost/thread/mutex.hpp>
#include <map>

#define ASSERT_EXCLUSIVE_LOCK(...)                                             \
  __attribute__((assert_exclusive_lock(__VA_ARGS__)))
#define ASSERT_SHARED_LOCK(...)                                                \
  __attribute__((assert_shared_lock(__VA_ARGS__)))

class AbslCache {
public:
  void put(int k) {
    absl::MutexLock held(&mu_);
    m_[k] = 1;
  }

  // ===== Flagged =====
  void drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-MESSAGES: :[[@LINE-2]]:8: note: hold 'mu_' while calling 'erase'
  }
  void dropUnderReader(int k) {
    absl::ReaderMutexLock reader(&mu_);
    (void)m_.extract(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'extract' modifies 'm_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
  }
  void dropAfterReaderLock(int k) {
    mu_.ReaderLock();
    m_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'clear' modifies 'm_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
    mu_.ReaderUnlock();
  }

  // ===== Silent =====
  void dropHeld(int k) {
    absl::MutexLock held(&mu_);
    m_.erase(k);
  }
  void dropWriter(int k) {
    absl::WriterMutexLock held(&mu_);
    m_.erase(k);
  }
  void dropAsserted(int k) {
    mu_.AssertHeld();
    m_.erase(k);
  }
  void dropLockUnlock(int k) {
    mu_.Lock();
    m_.erase(k);
    mu_.Unlock();
  }

private:
  absl::Mutex mu_;
  std::map<int, int> m_;
};

class QtCache {
public:
  void put(int k) {
    QMutexLocker locker(&mutex_);
    m_[k] = 1;
    QWriteLocker writer(&rw_);
    r_[k] = 1;
  }

  // ===== Flagged =====
  void drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mutex_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropAfterUnlock(int k) {
    QMutexLocker locker(&mutex_);
    locker.unlock();
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mutex_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropUnderReadLocker(int k) {
    QReadLocker reader(&rw_);
    r_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'r_' while 'rw_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
  }

  // ===== Silent =====
  void dropHeld(int k) {
    QMutexLocker locker(&mutex_);
    m_.erase(k);
  }
  void dropRelocked(int k) {
    QMutexLocker locker(&mutex_);
    locker.unlock();
    locker.relock();
    m_.erase(k);
  }
  void dropUnderWriteLocker(int k) {
    QWriteLocker writer(&rw_);
    r_.erase(k);
  }
  void dropLockedForWrite(int k) {
    rw_.lockForWrite();
    r_.erase(k);
    rw_.unlock();
  }

private:
  QMutex mutex_;
  std::map<int, int> m_;
  QReadWriteLock rw_;
  std::map<int, int> r_;
};

class BoostCache {
public:
  void put(int k) {
    boost::lock_guard<boost::mutex> held(mu_);
    m_[k] = 1;
  }

  // ===== Flagged =====
  void drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

  void assertReading() ASSERT_SHARED_LOCK(mu_);
  void dropAssertedShared(int k) {
    assertReading();
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
  }
  void dropAssertedOnOther(BoostCache &other, int k) {
    other.assertLocked();
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

  // ===== Silent =====
  void dropOthersAsserted(BoostCache &other, int k) {
    other.assertLocked();
    other.m_.erase(k);
  }
  void dropHeld(int k) {
    boost::unique_lock<boost::mutex> held(mu_);
    m_.erase(k);
  }
  // A function declared to assert the lock (ASSERT_EXCLUSIVE_LOCK).
  void assertLocked() ASSERT_EXCLUSIVE_LOCK(mu_);
  void dropAsserted(int k) {
    assertLocked();
    m_.erase(k);
  }

private:
  boost::mutex mu_;
  std::map<int, int> m_;
};
