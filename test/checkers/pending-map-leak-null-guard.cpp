// A completion through 'operator[]' that runs only when the entry was there
// (issue 12, class 9: rest_rpc's rpc_client): for an absent key operator[]
// inserts a null pointer, the test is false and the completion never runs;
// the erase that follows removes the inserted entry.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-pending-map-leak %t

#include <map>
#include <memory>
#include <future>
#include <string>

class Client {
public:
  // ===== Silent: completed only behind a test of the entry =====
  void onError(int id) {
    auto &f = pending_[id];
    if (f) {
      f->set_value(0);
    }
    pending_.erase(id);
  }
  void onErrorGet(int id) {
    auto &f = pending_[id];
    if (f.get())
      f->set_value(0);
    pending_.erase(id);
  }
  void onErrorEarlyExit(int id) {
    auto &f = pending_[id];
    if (!f) {
      pending_.erase(id);
      return;
    }
    f->set_value(1);
    pending_.erase(id);
  }

  // ===== Flagged: nothing tests the entry before it is completed =====
  void onResponse(int id) {
    auto &f = pending_[id];
    f->set_value(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'set_value' through 'pending_[...]' inserts a new entry into 'pending_' when the key is absent (a late or duplicate response) that nobody waits for [safedelete-pending-map-leak]
    pending_.erase(id);
  }
  // A test of something else guards nothing.
  void onOther(int id, bool ok) {
    auto &f = pending_[id];
    if (ok)
      f->set_value(3);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'set_value' through 'pending_[...]' inserts a new entry
    pending_.erase(id);
  }

private:
  std::map<int, std::shared_ptr<std::promise<int>>> pending_;
};
