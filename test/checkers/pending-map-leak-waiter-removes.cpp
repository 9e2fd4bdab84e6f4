// The waiter owns its entry (issue 12, usbguard IPCClientPrivate.cpp:471
// and :490): the function that inserts the promise sends the request,
// waits with a timeout and erases the entry on every path, success or
// timeout; the response handlers only complete it. A waiter that erases
// only on timeout, or before inserting, leaves the completed entry behind.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-pending-map-leak %t

#include <future>
#include <map>
#include <mutex>

void send(unsigned long id);
bool waitFor(std::future<int> &f);

// ===== Silent: every insertion is erased by its waiter =====

class IPCClient {
public:
  int call(unsigned long id) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto &promise = returns_[id];
    auto future = promise.get_future();
    send(id);
    lock.unlock();
    const bool ok = waitFor(future);
    lock.lock();
    returns_.erase(id);
    lock.unlock();
    return ok ? future.get() : -1;
  }
  void onResponse(unsigned long id, int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    returns_.at(id).set_value(value);
  }
  void onException(unsigned long id) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto &promise = returns_.at(id);
    promise.set_value(-1);
  }

private:
  std::mutex mutex_;
  std::map<unsigned long, std::promise<int>> returns_;
};

// ===== Flagged: some path of the waiter keeps the entry =====

class TimeoutOnly {
public:
  int call(unsigned long id) {
    auto future = returns_[id].get_future();
    send(id);
    if (!waitFor(future)) {
      returns_.erase(id);
      return -1;
    }
    return future.get();
  }
  void onResponse(unsigned long id, int value) {
    returns_.at(id).set_value(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: entry of 'returns_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
  }

private:
  std::map<unsigned long, std::promise<int>> returns_;
};

class EraseFirst {
public:
  int call(unsigned long id) {
    returns_.erase(id);
    auto future = returns_[id].get_future();
    send(id);
    return waitFor(future) ? future.get() : -1;
  }
  void onResponse(unsigned long id, int value) {
    returns_.at(id).set_value(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: entry of 'returns_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
  }

private:
  std::map<unsigned long, std::promise<int>> returns_;
};

// One waiter erases, another inserts and leaves it to the handler.
class TwoWaiters {
public:
  int call(unsigned long id) {
    auto future = returns_[id].get_future();
    send(id);
    const int v = future.get();
    returns_.erase(id);
    return v;
  }
  void post(unsigned long id) {
    returns_.emplace(id, std::promise<int>());
    send(id);
  }
  void onResponse(unsigned long id, int value) {
    returns_.at(id).set_value(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: entry of 'returns_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
  }

private:
  std::map<unsigned long, std::promise<int>> returns_;
};
