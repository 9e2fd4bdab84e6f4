// Before C++17 the inserted guard is a std::lock_guard of the mutex type.
// RUN: %check_clang_tidy -std=c++11,c++14 %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>

namespace app {
using Mutex = std::recursive_mutex;
}

class Cache {
  std::mutex mu_;
  app::Mutex rmu_;
  std::map<int, int> m_;
  std::map<int, int> r_;

public:
  void put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    m_[k] = 1;
  }
  void putR(int k) {
    std::lock_guard<app::Mutex> g(rmu_);
    r_[k] = 1;
  }
  void evict(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::lock_guard<std::mutex> lock(mu_);
    // CHECK-FIXES-NEXT: m_.erase(k);
  }
  // 'lock' is taken: the guard gets another name.
  void evictRecursive(int k, bool lock) {
    if (lock)
      return;
    r_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'r_' without holding 'rmu_'
    // CHECK-FIXES: std::lock_guard<std::recursive_mutex> guard(rmu_);
    // CHECK-FIXES-NEXT: r_.erase(k);
  }
};
