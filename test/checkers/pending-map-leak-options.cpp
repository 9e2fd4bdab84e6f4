// Configured pending, callback and container types; completions that need
// a removal on their own path. (The list form of CheckOptions: LLVM 14
// reads no other.)
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-pending-map-leak %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-pending-map-leak.PendingTypes, value: '::rpc::Reply'}, {key: safedelete-pending-map-leak.CallbackTypes, value: '::std::function'}, {key: safedelete-pending-map-leak.CompletionMethods, value: 'send;operator()'}, {key: safedelete-pending-map-leak.OneShotCompletionMethods, value: 'send'}, {key: safedelete-pending-map-leak.ContainerTypes, value: '::rpc::Table'}]}"

#include <functional>
#include <future>
#include <map>

namespace rpc {
struct Reply {
  void send(int);
  void cancel();
};
template <class K, class V> class Table {
public:
  V &at(const K &k);
  V &operator[](const K &k);
  unsigned erase(const K &k);
  template <class... A> void emplace(A &&...);
};
} // namespace rpc

void replyAt(rpc::Table<int, rpc::Reply> &replies, int id) {
  replies.at(id).send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: entry of 'replies' is completed by 'send' but never removed from the map in 'replyAt'; it stays there forever [safedelete-pending-map-leak]
  // A configured completion may run code that touches the map: no erase
  // is inserted after it.
  // CHECK-FIXES: replies.at(id).send(1);
  // CHECK-FIXES-NOT: replies.erase(id);
}

// Callbacks are repeatable: they need a removal somewhere, not here.
class Callbacks {
public:
  void add(int id, std::function<void(int)> f) { table_.emplace(id, f); }
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: entries are inserted into 'table_' but never removed from it
  void fire(int id) { table_.at(id)(id); }

private:
  rpc::Table<int, std::function<void(int)>> table_;
};

// Silent: cancel is not a configured completion; std::map is no longer a
// listed container; set_value is not a configured completion method.
void cancelAt(rpc::Table<int, rpc::Reply> &replies, int id) {
  replies.at(id).cancel();
}
void stdMap(std::map<int, rpc::Reply> &replies, int id) {
  replies.at(id).send(1);
}
void promiseNotConfigured(rpc::Table<int, std::promise<int>> &table, int id) {
  table.at(id).set_value(1);
}
class CallbacksRemoved {
public:
  void add(int id, std::function<void(int)> f) { table_.emplace(id, f); }
  void fire(int id) { table_.at(id)(id); }
  void remove(int id) { table_.erase(id); }

private:
  rpc::Table<int, std::function<void(int)>> table_;
};
