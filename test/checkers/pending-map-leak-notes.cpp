// The notes point at the lookup and say what to do where no fix is exact.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-pending-map-leak %t

#include <future>
#include <map>

std::exception_ptr cancelled();

class Client {
public:
  void onResponse(int id) {
    auto it = pending_.find(id);
    if (it != pending_.end())
      it->second.set_value(1);
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: entry of 'pending_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: entry of 'pending_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
    // CHECK-NOTES: :[[@LINE-5]]:15: note: entry of 'pending_' looked up here
    // CHECK-NOTES: :[[@LINE-4]]:18: note: take the entry out before completing it: 'auto node = pending_.extract(id); if (!node.empty()) node.mapped().set_value(...)'
  }
  void onTimeout(int id) {
    pending_[id].set_exception(cancelled());
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'set_exception' through 'pending_[...]' inserts a new entry into 'pending_' when the key is absent (a late or duplicate response) that nobody waits for or removes [safedelete-pending-map-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: 'set_exception' through 'pending_[...]' inserts a new entry into 'pending_' when the key is absent (a late or duplicate response) that nobody waits for or removes [safedelete-pending-map-leak]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: 'operator[]' looks the entry up here; use 'find' and complete the entry only when it exists
    // CHECK-FIXES: if (auto it = pending_.find(id); it != pending_.end()) {
    // CHECK-FIXES-NEXT: it->second.set_exception(cancelled());
    // CHECK-FIXES-NEXT: pending_.erase(it);
    // CHECK-FIXES-NEXT: }
  }
  void failAll() {
    for (auto &entry : pending_)
      entry.second.set_exception(cancelled());
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: entry of 'pending_' is completed by 'set_exception' but never removed from the map in 'failAll'
    // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: entry of 'pending_' is completed by 'set_exception' but never removed from the map in 'failAll'
    // CHECK-NOTES: :[[@LINE-4]]:24: note: entries of 'pending_' are visited here
    // CHECK-NOTES: :[[@LINE-4]]:20: note: remove the completed entries, e.g. with 'pending_.clear()' after the loop or 'it = pending_.erase(it)' in it
  }
  void forget(int id) { pending_.erase(id); }

private:
  std::map<int, std::promise<int>> pending_;
};

void localMap() {
  std::map<int, std::promise<int>> waiting;
  waiting.emplace(1, std::promise<int>());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: entries are inserted into 'waiting' but never removed from it; completed requests stay in the map forever [safedelete-pending-map-leak]
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: entries are inserted into 'waiting' but never removed from it; completed requests stay in the map forever [safedelete-pending-map-leak]
  waiting.at(1).set_value(2);
  // CHECK-NOTES: :[[@LINE-1]]:17: note: an entry is completed here
}
