// RUN: %check_clang_tidy -std=c++20-or-later %s safedelete-pending-map-leak %t

#include <coroutine>
#include <unordered_map>

// Suspended coroutines waiting for a reply, resumed when it arrives: a
// resumed handle left in the map is resumed again by a duplicate reply.
class Waiters {
public:
  void onReply(int id) {
    auto it = waiting_.find(id);
    if (it == waiting_.end())
      return;
    it->second.resume();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'waiting_' is completed by 'resume' but never removed from the map in 'onReply'; it stays there forever [safedelete-pending-map-leak]
    // resume() runs the coroutine, which may touch the map: no erase is
    // inserted after it.
    // CHECK-FIXES: it->second.resume();
    // CHECK-FIXES-NOT: waiting_.erase(it);
    // CHECK-FIXES: void onReplyFixed(int id) {
  }

  // Silent: taken out of the map before it is resumed.
  void onReplyFixed(int id) {
    auto it = waiting_.find(id);
    if (it == waiting_.end())
      return;
    auto handle = it->second;
    waiting_.erase(it);
    handle.resume();
  }

  // Silent: resumed, then erased.
  void onReplyErased(int id) {
    auto it = waiting_.find(id);
    if (it != waiting_.end()) {
      it->second.resume();
      waiting_.erase(it);
    }
  }

  void wait(int id, std::coroutine_handle<> h) { waiting_.insert({id, h}); }

private:
  std::unordered_map<int, std::coroutine_handle<>> waiting_;
};
