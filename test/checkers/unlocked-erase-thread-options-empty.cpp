// Empty ThreadStartFunctions and ThreadClasses: no call is known to start a
// thread, so every lambda runs where it is written, here under the lock.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-unlocked-erase.ThreadStartFunctions, value: ''}, \
// RUN:     {key: safedelete-unlocked-erase.ThreadClasses, value: ' ; '}]}"

#include <future>
#include <map>
#include <mutex>
#include <thread>

struct Pool {
  template <class F> void submit(F &&f);
};

class Cache {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }
  void started(Pool &pool, int k) {
    std::lock_guard<std::mutex> held(mu_);
    std::thread([this, k] { m_.erase(k); }).join();
    pool.submit([this, k] { m_.erase(k); });
    auto task = [this] { m_.clear(); };
    std::async(std::launch::async, task).get();
  }
  // The rest of the check still works.
  void unlocked(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
