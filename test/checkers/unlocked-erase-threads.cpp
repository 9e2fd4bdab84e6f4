// A lambda handed to a new thread, std::async or a thread pool runs on
// another thread: the locks held where it is written do not protect it,
// locks taken inside it do.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <utility>
#include <vector>

struct Pool {
  template <class F> void submit(F &&f);
  template <class F> void enqueue(F &&f);
  template <class F> void schedule(F &&f);
};
template <class F> void runNow(F &&f) { f(); }

class Jobs {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }

  // ===== Flagged =====
  void threadUnderCallersLock(int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::thread([this, k] { m_.erase(k); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: this lambda runs on another thread: the locks held where it is written do not protect it
  }
  void threadWithoutLock() {
    std::thread t([this] { m_.clear(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-MESSAGES: :[[@LINE-2]]:19: note: this lambda runs on another thread: the locks held where it is written do not protect it
    t.join();
  }
  void jthreadUnderCallersLock(int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::jthread t([this, k] {
      if (k > 0)
        m_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    });
  }
  void asyncLaunched(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto f = std::async(std::launch::async, [this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    f.get();
  }
  void asyncDefaultPolicy(int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::async([this, k] { m_.erase(k); }).get();
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void poolSubmit(Pool &pool, int k) {
    std::lock_guard<std::mutex> held(mu_);
    pool.submit([this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    pool.enqueue([this] { m_.clear(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void readerLockInThread(int k) {
    std::thread([this, k] {
      std::shared_lock<std::shared_mutex> reader(rw_);
      r_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' modifies 'r_' while 'rw_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
      // CHECK-FIXES: std::unique_lock<std::shared_mutex> reader(rw_);
    }).detach();
  }
  void threadAfterUnlockInside(int k) {
    std::thread([this, k] {
      std::unique_lock<std::mutex> lk(mu_);
      m_[k] = 2;
      lk.unlock();
      m_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    }).detach();
  }

  // A lambda that reaches the thread through a local variable.
  void lambdaThroughVariable(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto task = [this, k] { m_.erase(k); };
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: this lambda runs on another thread: the locks held where it is written do not protect it
    std::thread(task).detach();
  }
  void lambdaVariableToPool(Pool &pool, int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto task = [this, k] {
      if (k > 0)
        m_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    };
    pool.submit(task);
  }
  void lambdaVariableToAsync(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto task = [this, k] { m_.erase(k); };
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    auto f = std::async(std::launch::async, task);
    f.get();
  }
  void lambdaVariableMoved() {
    auto task = [this] { m_.clear(); };
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    std::jthread t(std::move(task));
  }

  // Regression: a reader lock inside a lambda that is not known to run on
  // another thread crashed the check (it asked for the lambda's callers).
  void readerLockInPlainLambda(int k) {
    runNow([this, k] {
      std::shared_lock<std::shared_mutex> inLambda(rw_);
      r_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' modifies 'r_' while 'rw_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
      // CHECK-FIXES: std::unique_lock<std::shared_mutex> inLambda(rw_);
    });
  }

  // ===== Silent =====
  void threadLocksInside(int k) {
    std::thread([this, k] {
      std::lock_guard<std::mutex> held(mu_);
      m_.erase(k);
    }).detach();
  }
  void threadLocksByHand(int k) {
    std::thread([this, k] {
      mu_.lock();
      m_.erase(k);
      mu_.unlock();
    }).detach();
  }
  void threadExclusiveOnShared(int k) {
    std::thread([this, k] {
      std::unique_lock<std::shared_mutex> writer(rw_);
      r_.erase(k);
    }).detach();
  }
  void poolLocksInside(Pool &pool, int k) {
    pool.submit([this, k] {
      std::scoped_lock held(mu_);
      if (k > 0) {
        m_.erase(k);
      }
    });
  }
  void threadLocalContainer() {
    std::thread([] {
      std::map<int, int> local;
      local.clear();
    }).detach();
  }
  void nestedLambdaUnderThreadsLock(int k) {
    std::thread([this, k] {
      std::lock_guard<std::mutex> held(mu_);
      runNow([this, k] { m_.erase(k); });
    }).detach();
  }
  // Deferred: runs in get(), here with the lock held.
  void asyncDeferred(int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::async(std::launch::deferred, [this, k] { m_.erase(k); }).get();
  }
  // Not known to start a thread: where the lambda runs is unknown.
  void otherCallee(Pool &pool, int k) {
    pool.schedule([this, k] { m_.erase(k); });
    runNow([this, k] { m_.erase(k); });
  }
  // An immediately run lambda under the caller's lock.
  void lambdaUnderLock(int k) {
    std::lock_guard<std::mutex> held(mu_);
    runNow([this, k] { m_.erase(k); });
  }
  // A lambda held in a local variable of its own type, called here and
  // never handed to a thread start.
  void lambdaVariableCalledHere(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto task = [this, k] { m_.erase(k); };
    task();
    runNow(task);
  }
  void lambdaVariableLocksInside(int k) {
    auto task = [this, k] {
      std::lock_guard<std::mutex> held(mu_);
      m_.erase(k);
    };
    std::thread(task).detach();
  }
  void lambdaVariableDeferred(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto task = [this, k] { m_.erase(k); };
    std::async(std::launch::deferred, task).get();
  }
  // Not followed: a std::function may be given another function later.
  void functionVariable(Pool &pool, int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::function<void()> task = [this, k] { m_.erase(k); };
    pool.submit(task);
  }
  // The thread only reads; the erase is under the caller's lock.
  void threadReads(int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::thread([this, k] { (void)m_.count(k); }).detach();
    m_.erase(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::shared_mutex rw_;
  std::map<int, int> r_;
};

