// Against the real libstdc++ headers, the library users build with.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-pending-map-leak %t

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <unordered_map>

struct Response {
  int status;
};

class Dispatcher {
public:
  std::future<Response> send(int id) {
    std::promise<Response> promise;
    auto future = promise.get_future();
    pending_.emplace(id, std::move(promise));
    return future;
  }
  void onResponse(int id, Response r) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    it->second.set_value(std::move(r));
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: entry of 'pending_' is completed by 'set_value' but never removed from the map in 'onResponse'; it stays there forever [safedelete-pending-map-leak]
    // CHECK-FIXES: it->second.set_value(std::move(r));
    // CHECK-FIXES-NEXT: pending_.erase(it);
  }
  void onTimeout(int id) {
    pending_[id].set_exception(
        std::make_exception_ptr(std::runtime_error("timeout")));
    // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: 'set_exception' through 'pending_[...]' inserts a new entry
  }
  void onResponseFixed(int id, Response r) {
    auto node = pending_.extract(id);
    if (!node.empty())
      node.mapped().set_value(std::move(r));
  }
  void cancelAll() {
    for (auto &[id, promise] : pending_)
      promise.set_exception(
          std::make_exception_ptr(std::runtime_error("cancelled")));
    pending_.clear();
  }
  void runTask(int id) {
    auto it = tasks_.find(id);
    if (it != tasks_.end()) {
      it->second();
      tasks_.erase(it);
    }
  }
  void addTask(int id, std::packaged_task<void()> task) {
    tasks_.emplace(id, std::move(task));
  }
  void completeShared(int id) {
    shared_.at(id)->set_value(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: entry of 'shared_' is completed by 'set_value'
    // CHECK-FIXES: shared_.erase(id);
  }
  void forgetShared(int id) { shared_.erase(id); }

private:
  std::unordered_map<int, std::promise<Response>> pending_;
  std::map<int, std::packaged_task<void()>> tasks_;
  std::map<int, std::shared_ptr<std::promise<int>>> shared_;
  std::map<int, std::function<void()>> handlers_;
};
