// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-pending-map-leak %t

#include <boost/fiber/all.hpp>
#include <folly/Promise.h>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

struct Response {
  int status;
};
std::exception_ptr timeoutError();
void log(int);

// ===== Flagged: completed through a lookup, never removed here =====

class Dispatcher {
public:
  void onResponse(int id, Response r);
  void onResponseAt(int id, Response r);
  void onTimeoutSubscript(int id);
  void onLateSubscript(int id);
  void onResponseShared(int id);
  void onResponseField(int id);
  void onResponseRef(int id);
  void failAll();
  void failAllLoop();
  void runTask(int id);
  void onResponseThis(int id, Response r);
  void onResponseLambda(int id);
  void drop(int id);

private:
  struct Call {
    std::promise<void> done;
    int retries;
  };
  std::unordered_map<int, std::promise<Response>> pending_;
  std::map<int, std::shared_ptr<std::promise<int>>> shared_;
  std::map<int, Call> calls_;
  std::map<int, std::packaged_task<void()>> tasks_;
};

void Dispatcher::onResponse(int id, Response r) {
  auto it = pending_.find(id);
  if (it == pending_.end())
    return;
  it->second.set_value(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: entry of 'pending_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
  // CHECK-FIXES: it->second.set_value(r);
  // CHECK-FIXES-NEXT: pending_.erase(it);
}

void Dispatcher::onResponseAt(int id, Response r) {
  pending_.at(id).set_value(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: entry of 'pending_' is completed by 'set_value' but never removed from the map in 'onResponseAt'
  // CHECK-FIXES: pending_.at(id).set_value(r);
  // CHECK-FIXES-NEXT: pending_.erase(id);
}

void Dispatcher::onTimeoutSubscript(int id) {
  pending_[id].set_exception(timeoutError());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'set_exception' through 'pending_[...]' inserts a new entry into 'pending_' when the key is absent (a late or duplicate response) that nobody waits for or removes [safedelete-pending-map-leak]
  // CHECK-FIXES: if (auto it = pending_.find(id); it != pending_.end()) {{[{]}}
  // CHECK-FIXES-NEXT:   it->second.set_exception(timeoutError());
  // CHECK-FIXES-NEXT:   pending_.erase(it);
  // CHECK-FIXES-NEXT: }
}

// Silent: `[]` recreates an entry for a late response, completes the
// default promise and the erase after it drops it again (issue 12, class 4).
void Dispatcher::onLateSubscript(int id) {
  pending_[id].set_value(Response{408});
  pending_.erase(id);
}

void Dispatcher::onResponseShared(int id) {
  auto it = shared_.find(id);
  if (it != shared_.end()) {
    it->second->set_value(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: entry of 'shared_' is completed by 'set_value'
    // CHECK-FIXES:   it->second->set_value(1);
    // CHECK-FIXES-NEXT:   shared_.erase(it);
  }
}

void Dispatcher::onResponseField(int id) {
  auto found = calls_.find(id);
  if (found != calls_.end()) {
    log(found->second.retries);
    found->second.done.set_value();
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: entry of 'calls_' is completed by 'set_value'
    // CHECK-FIXES:   calls_.erase(found);
  }
}

// A reference bound to the entry; it is used again after the completion,
// so erasing right after it would leave the reference dangling: no fix.
void Dispatcher::onResponseRef(int id) {
  auto &call = calls_.at(id);
  call.done.set_value();
  log(call.retries);
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: entry of 'calls_' is completed by 'set_value'
  // CHECK-FIXES: call.done.set_value();
  // CHECK-FIXES-NEXT: log(call.retries);
}

void Dispatcher::failAll() {
  for (auto &[id, promise] : pending_)
    promise.set_exception(timeoutError());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: entry of 'pending_' is completed by 'set_exception' but never removed from the map in 'failAll'
}

void Dispatcher::failAllLoop() {
  for (auto it = pending_.begin(); it != pending_.end(); ++it)
    it->second.set_exception(timeoutError());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'pending_' is completed by 'set_exception'
}

void Dispatcher::runTask(int id) {
  auto it = tasks_.find(id);
  if (it != tasks_.end()) {
    it->second();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: entry of 'tasks_' is completed by 'operator()'
    // The task runs user code that may touch tasks_: no erase after it.
    // CHECK-FIXES: it->second();
    // CHECK-FIXES-NOT: tasks_.erase(it);
    // CHECK-FIXES: void Dispatcher::onResponseThis(int id, Response r) {
  }
}

void Dispatcher::onResponseThis(int id, Response r) {
  auto it = this->pending_.find(id);
  if (it != this->pending_.end()) {
    it->second.set_value(r);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'this->pending_' is completed by 'set_value'
    // CHECK-FIXES:   this->pending_.erase(it);
  }
}

void post(std::function<void()> f);

void Dispatcher::onResponseLambda(int id) {
  post([this, id] { shared_.at(id)->set_value(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: entry of 'shared_' is completed by 'set_value' but never removed from the map in the lambda
}

using PromiseMap = std::map<int, std::promise<int>>;

void completeAlias(PromiseMap &byId, int id) {
  auto it = byId.find(id);
  if (it != byId.end()) {
    it->second.set_value(3);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'byId' is completed by 'set_value'
    // CHECK-FIXES:   byId.erase(it);
  }
}

void completeThroughPointer(PromiseMap *byId, int id) {
  auto it = byId->find(id);
  if (it != byId->end())
    it->second.set_value(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'byId' is completed by 'set_value'
}

struct Client {
  std::multimap<int, folly::Promise<int>> waiters;
};

void wakeOne(Client &client, int id) {
  auto it = client.waiters.find(id);
  if (it == client.waiters.end())
    return;
  auto &promise = it->second;
  promise.setValue(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: entry of 'client.waiters' is completed by 'setValue'
  // folly runs the continuations inline, which may touch the map: no erase
  // is inserted after it.
  // CHECK-FIXES: promise.setValue(5);
  // CHECK-FIXES-NOT: client.waiters.erase(it);
  // CHECK-FIXES: void completeOptional(std::map<int, std::optional<std::promise<int>>> &slots,
}

void completeOptional(std::map<int, std::optional<std::promise<int>>> &slots,
                      int id) {
  slots.at(id)->set_value(6);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: entry of 'slots' is completed by 'set_value'
  // CHECK-FIXES: slots.erase(id);
}

// A key with side effects cannot be repeated in an erase: no fix.
int nextId();
void completeSideEffectKey(PromiseMap &byId) {
  byId.at(nextId()).set_value(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: entry of 'byId' is completed by 'set_value'
  // CHECK-FIXES: byId.at(nextId()).set_value(7);
}

template <class T> class TypedClient {
public:
  void onResponse(int id, T value) {
    auto it = pending_.find(id);
    if (it != pending_.end()) {
      it->second.set_value(value);
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: entry of 'pending_' is completed by 'set_value'
    }
  }
  void forget(int id) { pending_.erase(id); }

private:
  std::map<int, std::promise<T>> pending_;
};

void useTypedClient(TypedClient<int> &a, TypedClient<long> &b) {
  a.onResponse(1, 2);
  b.onResponse(1, 2);
}

// ===== Flagged: inserted into a map that nothing ever removes from =====

class Subscribers {
public:
  void subscribe(int id) { channels_.emplace(id, 4); }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: entries are inserted into 'channels_' but never removed from it; completed requests stay in the map forever [safedelete-pending-map-leak]
  void publish(int id, int v) { channels_.at(id).push(v); }

private:
  std::map<int, boost::fibers::buffered_channel<int>> channels_;
};

void localPending(int n) {
  std::map<int, std::promise<int>> local;
  for (int i = 0; i < n; ++i)
    local.try_emplace(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: entries are inserted into 'local' but never removed from it
  for (auto &entry : local)
    entry.second.set_value(8);
}

// ===== Silent: the entry is taken out on the same path =====

class Fixed {
public:
  void onResponseExtract(int id, Response r) {
    auto node = pending_.extract(id);
    if (!node.empty())
      node.mapped().set_value(r);
  }
  void onResponseErase(int id, Response r) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    it->second.set_value(r);
    pending_.erase(it);
  }
  void onResponseMoveOut(int id, Response r) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    std::promise<Response> promise = std::move(it->second);
    pending_.erase(it);
    promise.set_value(r);
  }
  void onResponseEraseBefore(int id, Response r) {
    auto &promise = pending_.at(id);
    pending_.erase(id);
    promise.set_value(r);
  }
  void onResponseGuardedSubscript(int id, Response r) {
    if (pending_.count(id) == 0)
      return;
    pending_[id].set_value(r);
    pending_.erase(id);
  }
  void onTimeout(int id) {
    auto it = pending_.find(id);
    if (it != pending_.end()) {
      it->second.set_exception(timeoutError());
      pending_.erase(it);
    }
  }
  // The helper removes the entry after the completion.
  void onResponseHelper(int id, Response r) {
    pending_.at(id).set_value(r);
    forget(id);
  }
  // The caller removes the entry after the helper completed it.
  void onResponseCaller(int id, Response r) {
    complete(id, r);
    pending_.erase(id);
  }
  void failAll() {
    for (auto &entry : pending_)
      entry.second.set_exception(timeoutError());
    pending_.clear();
  }
  void failAllErase() {
    for (auto it = pending_.begin(); it != pending_.end();) {
      it->second.set_exception(timeoutError());
      it = pending_.erase(it);
    }
  }
  void failAllErase_if() {
    for (auto &entry : pending_)
      entry.second.set_exception(timeoutError());
    std::erase_if(pending_, [](const auto &) { return true; });
  }
  void failAllSwap() {
    std::unordered_map<int, std::promise<Response>> old;
    old.swap(pending_);
    for (auto &entry : old)
      entry.second.set_exception(timeoutError());
  }
  void failAllAssign() {
    for (auto &entry : pending_)
      entry.second.set_exception(timeoutError());
    pending_ = {};
  }
  ~Fixed() {
    for (auto &entry : pending_)
      entry.second.set_exception(timeoutError());
  }

private:
  void forget(int id) { pending_.erase(id); }
  void complete(int id, Response r) { pending_.at(id).set_value(r); }
  std::unordered_map<int, std::promise<Response>> pending_;
};

// A helper that takes the map may remove the entry: unsure, stay silent.
void cleanup(PromiseMap &byId);
void completeThenCleanup(PromiseMap &byId, int id) {
  byId.at(id).set_value(9);
  cleanup(byId);
}

// ===== Silent: repeatable sends only need a removal somewhere =====

class Feed {
public:
  void subscribe(int id) { channels_.emplace(id, 4); }
  void unsubscribe(int id) { channels_.erase(id); }
  void publish(int v) {
    for (auto &[id, channel] : channels_)
      channel.try_push(v);
  }
  void publishTo(int id, int v) { channels_.at(id).push(v); }

private:
  std::map<int, boost::fibers::buffered_channel<int>> channels_;
};

// ===== Silent: not a pending map, or not through a lookup =====

class Registry {
public:
  void on(int event, std::function<void(int)> handler) {
    handlers_.emplace(event, handler);
  }
  void fire(int event) { handlers_.at(event)(event); }

private:
  std::map<int, std::function<void(int)>> handlers_;
};

void notPending(std::map<int, int> &counts, int id) { counts.at(id) = 1; }

void notAMap(std::promise<int> *promises, int i) { promises[i].set_value(1); }

void getFuture(PromiseMap &byId, int id) {
  std::future<int> f = byId[id].get_future();
}

void localCopy(std::map<int, std::shared_ptr<std::promise<int>>> &byId,
               int id) {
  std::promise<int> fresh;
  fresh.set_value(1);
}

#define COMPLETE(map, id) (map).at(id).set_value(0)
void inMacro(PromiseMap &byId, int id) { COMPLETE(byId, id); }

// A template never instantiated says nothing about its types.
template <class Map> void neverInstantiated(Map &byId, int id) {
  byId.at(id).set_value(0);
}

// Rule 3 needs the whole owner: a member function defined elsewhere may
// remove the entries.
class PartlyVisible {
public:
  void subscribe(int id) { channels_.emplace(id, 4); }
  void unsubscribe(int id);

private:
  std::map<int, boost::fibers::buffered_channel<int>> channels_;
};

// A public map can be emptied by anyone.
struct Public {
  void subscribe(int id) { channels.emplace(id, 4); }
  std::map<int, boost::fibers::buffered_channel<int>> channels;
};

// A local map dies with its function.
void localSwapOut(PromiseMap &byId) {
  PromiseMap old;
  old.swap(byId);
  for (auto &entry : old)
    entry.second.set_value(0);
}

// Seen in rest_rpc (rpc_client.hpp, dd4a046): a reference bound to `[]`; an
// unknown id inserts an empty entry before the erase, and the completion
// dereferences it. Behind `if (f)` the completion never runs for an unknown
// id: silent (issue 12, class 9).
namespace rest_rpc_client {
class Client {
public:
  void onResult(int id, bool failed) {
    auto &f = futures_[id];
    if (failed) {
      if (f) {
        f->set_value(0);
        futures_.erase(id);
        return;
      }
    }
    f->set_value(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'set_value' through 'futures_[...]' inserts a new entry into 'futures_' when the key is absent (a late or duplicate response) that nobody waits for [safedelete-pending-map-leak]
    futures_.erase(id);
  }

private:
  std::map<int, std::shared_ptr<std::promise<int>>> futures_;
};
} // namespace rest_rpc_client
