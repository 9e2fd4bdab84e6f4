// Only <shared_mutex> is included (libstdc++'s declares std::lock_guard but
// not std::scoped_lock or std::unique_lock): both fixes include <mutex>,
// once, in sorted position.
// RUN: %check_clang_tidy -std=c++14 -check-suffixes=ALL,CXX14 %s safedelete-unlocked-erase %t
// RUN: %check_clang_tidy -std=c++17-or-later -check-suffixes=ALL,CXX17 %s safedelete-unlocked-erase %t
// RUN: %check_clang_tidy -real-stdlib -std=c++14 -check-suffixes=ALL,CXX14 %s safedelete-unlocked-erase %t
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later -check-suffixes=ALL,CXX17 %s safedelete-unlocked-erase %t

#include <map>
#include <shared_mutex>
#include <string>
// CHECK-FIXES-ALL: #include <map>
// CHECK-FIXES-ALL-NEXT: #include <mutex>
// CHECK-FIXES-ALL-NEXT: #include <shared_mutex>
// CHECK-FIXES-ALL-NEXT: #include <string>

class Sessions {
public:
  int find(const std::string &k) {
    std::shared_lock<std::shared_timed_mutex> held(mu_);
    auto it = sessions_.find(k);
    return it == sessions_.end() ? 0 : it->second;
  }
  void drop(const std::string &k) {
    sessions_.erase(k);
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:15: warning: 'erase' modifies 'sessions_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES-CXX14: std::lock_guard<std::shared_timed_mutex> lock(mu_);
    // CHECK-FIXES-CXX17: std::scoped_lock lock(mu_);
    // CHECK-FIXES-ALL-NEXT: sessions_.erase(k);
  }
  void dropUnderReader(const std::string &k) {
    std::shared_lock<std::shared_timed_mutex> reader(mu_);
    sessions_.erase(k);
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:15: warning: 'erase' modifies 'sessions_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
    // CHECK-FIXES-ALL: std::unique_lock<std::shared_timed_mutex> reader(mu_);
    // CHECK-FIXES-ALL-NEXT: sessions_.erase(k);
  }

private:
  std::shared_timed_mutex mu_;
  std::map<std::string, int> sessions_;
};
