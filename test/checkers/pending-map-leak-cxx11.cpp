// Before C++17 there is no if-with-initialiser: the operator[] case gets no
// fix; the erase fixes do not depend on the standard.
// RUN: %check_clang_tidy -std=c++11,c++14 %s safedelete-pending-map-leak %t

#include <future>
#include <map>

class Client {
public:
  void onTimeout(int id) {
    pending_[id].set_value(0);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'set_value' through 'pending_[...]' inserts a new entry
    // CHECK-FIXES: pending_[id].set_value(0);
  }
  void onResponse(int id) {
    std::map<int, std::promise<int>>::iterator it = pending_.find(id);
    if (it == pending_.end())
      return;
    it->second.set_value(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'pending_' is completed by 'set_value'
    // CHECK-FIXES: it->second.set_value(1);
    // CHECK-FIXES-NEXT: pending_.erase(it);
  }
  void onTimeoutErased(int id) {
    std::map<int, std::promise<int>>::iterator it = pending_.find(id);
    if (it != pending_.end()) {
      it->second.set_value(2);
      pending_.erase(it);
    }
  }

private:
  std::map<int, std::promise<int>> pending_;
};
