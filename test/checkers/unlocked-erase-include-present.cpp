// <mutex> is included already: the fixes add no include directive.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-unlocked-erase %t

// CHECK-FIXES-NOT: #include
// CHECK-FIXES: #include <map>
// CHECK-FIXES-NEXT: #include <mutex>
// CHECK-FIXES-NEXT: #include <shared_mutex>
// CHECK-FIXES-NOT: #include
#include <map>
#include <mutex>
#include <shared_mutex>

class Sessions {
public:
  int find(int k) {
    std::shared_lock<std::shared_mutex> held(mu_);
    return sessions_.count(k);
  }
  void drop(int k) {
    sessions_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' modifies 'sessions_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
    // CHECK-FIXES-NEXT: sessions_.erase(k);
  }
  void dropUnderReader(int k) {
    std::shared_lock<std::shared_mutex> reader(mu_);
    sessions_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' modifies 'sessions_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
    // CHECK-FIXES: std::unique_lock<std::shared_mutex> reader(mu_);
    // CHECK-FIXES-NEXT: sessions_.erase(k);
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> sessions_;
};
