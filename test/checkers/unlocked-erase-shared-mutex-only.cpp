// Only <shared_mutex> is included: libstdc++ declares std::lock_guard there
// but not std::scoped_lock, so the inserted guard is a lock_guard even in
// C++17.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <shared_mutex>
#include <string>
#include <unordered_map>

class Sessions {
public:
  int find(const std::string &k) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = sessions_.find(k);
    return it == sessions_.end() ? 0 : it->second;
  }
  void drop(const std::string &k) {
    sessions_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' modifies 'sessions_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::lock_guard<std::shared_mutex> lock(mu_);
    // CHECK-FIXES-NEXT: sessions_.erase(k);
  }

private:
  std::shared_mutex mu_;
  std::unordered_map<std::string, int> sessions_;
};
