// ThreadStartFunctions and ThreadClasses replace their defaults: a code base
// with its own pool and thread class. A qualified entry names one class's
// method; std::thread and a pool's submit no longer count.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-unlocked-erase.ThreadStartFunctions, value: 'base::TaskRunner::PostTask;::base::spawn;dispatch'}, \
// RUN:     {key: safedelete-unlocked-erase.ThreadClasses, value: '::base::Worker'}]}"

#include <map>
#include <mutex>
#include <thread>

namespace base {
class TaskRunner {
public:
  template <class F> void PostTask(F &&f) {}
};
class SequencedRunner {
public:
  template <class F> void PostTask(F &&f) { f(); }
};
template <class F> void spawn(F &&f) {}
class Worker {
public:
  template <class F> explicit Worker(F &&f) {}
};
class Queue {
public:
  template <class F> void dispatch(F &&f) {}
  template <class F> void submit(F &&f) { f(); }
};
} // namespace base

class Store {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }

  // ===== Flagged =====
  void postTask(base::TaskRunner &runner, int k) {
    std::lock_guard<std::mutex> held(mu_);
    runner.PostTask([this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void spawned(int k) {
    std::lock_guard<std::mutex> held(mu_);
    base::spawn([this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dispatched(base::Queue &q) {
    std::lock_guard<std::mutex> held(mu_);
    q.dispatch([this] { m_.clear(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void worker(int k) {
    std::lock_guard<std::mutex> held(mu_);
    base::Worker w([this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void workerThroughVariable(int k) {
    std::lock_guard<std::mutex> held(mu_);
    const auto task = [this, k] { m_.erase(k); };
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    base::Worker w(task);
  }

  // ===== Silent =====
  // Same method name, class not in the list: runs here, under the lock.
  void sequenced(base::SequencedRunner &runner, int k) {
    std::lock_guard<std::mutex> held(mu_);
    runner.PostTask([this, k] { m_.erase(k); });
  }
  // No longer thread starts: the options replace the defaults.
  void submitted(base::Queue &q, int k) {
    std::lock_guard<std::mutex> held(mu_);
    q.submit([this, k] { m_.erase(k); });
  }
  void stdThread(int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::thread([this, k] { m_.erase(k); }).join();
  }
  void postTaskLocksInside(base::TaskRunner &runner, int k) {
    runner.PostTask([this, k] {
      std::lock_guard<std::mutex> held(mu_);
      m_.erase(k);
    });
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
