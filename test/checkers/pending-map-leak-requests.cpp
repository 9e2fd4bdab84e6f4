// Per-request callback maps, completions on one path only, and completions
// through a copy of the entry's shared_ptr (issue 12), on the real
// libstdc++.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-pending-map-leak %t
// With RequestCallbackTypes empty, callback maps are registries again:
// only the promise maps are reported.
// RUN: %check_clang_tidy -real-stdlib -std=c++17 -check-suffix=OFF %s safedelete-pending-map-leak %t -- -config="{CheckOptions: [{key: safedelete-pending-map-leak.RequestCallbackTypes, value: ''}]}"

#include <atomic>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

void send(int id);

// ===== Per-request callbacks: keyed by a fresh id, called once =====

class Client {
public:
  void call(std::function<void(int)> done) {
    const int id = next_++;
    callbacks_[id] = std::move(done);
    send(id);
  }
  void onReply(int id, int value) {
    auto it = callbacks_.find(id);
    if (it != callbacks_.end())
      it->second(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: entry of 'callbacks_' is completed by 'operator()' but never removed from the map in 'onReply'; it stays there forever [safedelete-pending-map-leak]
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: entry of 'callbacks_' looked up here
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: take the entry out before completing it: 'auto node = callbacks_.extract(id); if (!node.empty()) node.mapped()(...)'
  }
  void cancel(int id) { callbacks_.erase(id); }

private:
  int next_ = 0;
  std::map<int, std::function<void(int)>> callbacks_;
};

class AtomicIds {
public:
  void call(std::function<void(const std::string &)> done) {
    handlers_.emplace(seq_.fetch_add(1), std::move(done));
  }
  void onReply(unsigned id, const std::string &body) {
    handlers_.at(id)(body);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: entry of 'handlers_' is completed by 'operator()' but never removed from the map in 'onReply'; it stays there forever [safedelete-pending-map-leak]
  }
  void reset() { handlers_.clear(); }

private:
  std::atomic<unsigned> seq_{0};
  std::unordered_map<unsigned, std::function<void(const std::string &)>>
      handlers_;
};

class HelperIds {
public:
  void call(std::function<void()> done) {
    auto id = nextId();
    waiting_.insert({id, std::move(done)});
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: entries are inserted into 'waiting_' but never removed from it; completed requests stay in the map forever [safedelete-pending-map-leak]
  void onDone(long id) {
    if (auto it = waiting_.find(id); it != waiting_.end())
      it->second();
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: entry of 'waiting_' is completed by 'operator()' but never removed from the map in 'onDone'; it stays there forever [safedelete-pending-map-leak]

private:
  long nextId() { return ++last_; }
  long last_ = 0;
  std::map<long, std::function<void()>> waiting_;
};

// ===== Silent: registries, and per-request callbacks taken out =====

class NamedRegistry {
public:
  void on(const std::string &name, std::function<void(int)> handler) {
    handlers_[name] = std::move(handler);
  }
  void dispatch(const std::string &name, int value) {
    auto it = handlers_.find(name);
    if (it != handlers_.end())
      it->second(value);
  }

private:
  std::map<std::string, std::function<void(int)>> handlers_;
};

class EventRegistry {
public:
  void on(int event, std::function<void()> handler) {
    ++registered_;
    handlers_.emplace(event, std::move(handler));
  }
  void fire(int event) { handlers_.at(event)(); }

private:
  int registered_ = 0;
  std::map<int, std::function<void()>> handlers_;
};

class TakesOut {
public:
  void call(std::function<void(int)> done) {
    callbacks_.emplace(++next_, std::move(done));
  }
  void onReply(int id, int value) {
    auto it = callbacks_.find(id);
    if (it == callbacks_.end())
      return;
    auto done = std::move(it->second);
    callbacks_.erase(it);
    done(value);
  }
  void onReplyExtract(int id, int value) {
    auto node = callbacks_.extract(id);
    if (!node.empty())
      node.mapped()(value);
  }

private:
  int next_ = 0;
  std::map<int, std::function<void(int)>> callbacks_;
};

class ErasesAfterCall {
public:
  void call(std::function<void(int)> done) {
    int id = next_++;
    callbacks_[id] = std::move(done);
  }
  void onReply(int id, int value) {
    auto it = callbacks_.find(id);
    if (it != callbacks_.end()) {
      it->second(value);
      callbacks_.erase(it);
    }
  }

private:
  int next_ = 0;
  std::map<int, std::function<void(int)>> callbacks_;
};

// ===== Paths: a completion whose own path leaves the entry in place =====

class ErrorPath {
public:
  std::future<int> call(int id) { return pending_[id].get_future(); }
  void onReply(int id, bool ok, int value) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    if (!ok) {
      it->second.set_exception(nullptr);
      // CHECK-MESSAGES-OFF: :[[@LINE-1]]:18: warning: entry of 'pending_' is completed by 'set_exception'
      // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: entry of 'pending_' is completed by 'set_exception' but never removed from the map in 'onReply'; it stays there forever [safedelete-pending-map-leak]
      // CHECK-FIXES: {{^}}      pending_.erase(it);{{$}}
      return;
    }
    it->second.set_value(value);
    pending_.erase(it);
  }

private:
  std::map<int, std::promise<int>> pending_;
};

// rpclib's read loop: the erase of an earlier pass does not remove the
// entry this pass completes.
struct Reply {
  int id;
  bool error;
  int value;
};

class ReadLoop {
public:
  std::future<int> call(int id) { return calls_[id].get_future(); }
  void onReplies(const Reply *replies, int n) {
    for (int i = 0; i < n; ++i) {
      auto it = calls_.find(replies[i].id);
      if (it == calls_.end())
        continue;
      if (replies[i].error) {
        it->second.set_exception(nullptr);
        // CHECK-MESSAGES-OFF: :[[@LINE-1]]:20: warning: entry of 'calls_'
        // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: entry of 'calls_' is completed by 'set_exception' but never removed from the map in 'onReplies'; it stays there forever [safedelete-pending-map-leak]
        continue;
      }
      it->second.set_value(replies[i].value);
      calls_.erase(it);
    }
  }

private:
  std::map<int, std::promise<int>> calls_;
};

// Silent: every path from the completion removes the entry, or the entry
// is taken out before it is completed.
class EveryPath {
public:
  std::future<int> call(int id) { return pending_[id].get_future(); }
  void onReply(int id, bool ok, int value) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    if (!ok)
      it->second.set_exception(nullptr);
    else
      it->second.set_value(value);
    pending_.erase(it);
  }
  void onTimeout(int id) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    auto promise = std::move(it->second);
    pending_.erase(it);
    promise.set_exception(nullptr);
  }
  void onErrorThenErase(int id, bool fatal) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    if (fatal) {
      it->second.set_exception(nullptr);
      pending_.erase(it);
      return;
    }
    it->second.set_value(0);
    pending_.erase(it);
  }

private:
  std::map<int, std::promise<int>> pending_;
};

// ===== A copy of the entry's shared_ptr is the entry =====

class SharedEntries {
public:
  std::future<int> call(int id) {
    auto promise = std::make_shared<std::promise<int>>();
    pending_[id] = promise;
    return promise->get_future();
  }
  void onReply(int id, int value) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    auto promise = it->second;
    promise->set_value(value);
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:14: warning: entry of 'pending_' is completed by 'set_value'
    // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: entry of 'pending_' is completed by 'set_value' but never removed from the map in 'onReply'; it stays there forever [safedelete-pending-map-leak]
    // CHECK-FIXES: {{^}}    promise->set_value(value);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    pending_.erase(it);{{$}}
  }
  void onError(int id) {
    std::shared_ptr<std::promise<int>> promise = pending_.at(id);
    promise->set_exception(nullptr);
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:14: warning: entry of 'pending_' is completed by 'set_exception'
    // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: entry of 'pending_' is completed by 'set_exception' but never removed from the map in 'onError'; it stays there forever [safedelete-pending-map-leak]
    // CHECK-FIXES: {{^}}    pending_.erase(id);{{$}}
  }
  // Silent: the copy outlives the erase; the entry is gone.
  void onCancel(int id) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    auto promise = it->second;
    pending_.erase(it);
    promise->set_exception(nullptr);
  }

private:
  std::map<int, std::shared_ptr<std::promise<int>>> pending_;
};
