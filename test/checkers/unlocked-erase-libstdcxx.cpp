// Against the real libstdc++ headers, the library users build with.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <condition_variable>
#include <deque>
#include <future>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class Sessions {
public:
  void put(const std::string &key, int v) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[key] = v;
  }
  void evict(const std::string &key) {
    sessions_.erase(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' modifies 'sessions_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
    // CHECK-FIXES-NEXT: sessions_.erase(key);
  }
  void evictHeld(const std::string &key) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_.erase(key);
  }
  bool isRevoked(const std::string &t) const {
    std::shared_lock<std::shared_mutex> lock(revoked_mu_);
    return revoked_.count(t) != 0;
  }
  void unrevoke(const std::string &t) {
    std::shared_lock<std::shared_mutex> reader(revoked_mu_);
    revoked_.erase(t);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'erase' modifies 'revoked_' while 'revoked_mu_' is held only shared
    // CHECK-FIXES: std::unique_lock<std::shared_mutex> reader(revoked_mu_);
  }
  void unrevokeHeld(const std::string &t) {
    std::unique_lock<std::shared_mutex> writer(revoked_mu_);
    revoked_.erase(t);
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> sessions_;
  mutable std::shared_mutex revoked_mu_;
  std::set<std::string> revoked_;
};

class WorkQueue {
public:
  void push(int v) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(v);
    }
    cv_.notify_one();
  }
  int popWaiting() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] { return !jobs_.empty(); });
    int v = jobs_.front();
    jobs_.pop_front();
    return v;
  }
  void dropOdd() {
    jobs_.remove_if([](int v) { return v % 2 != 0; });
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'remove_if' modifies 'jobs_' without holding 'mu_'
  }
  void drainInThread() {
    std::lock_guard<std::mutex> lock(mu_);
    std::thread([this] { jobs_.clear(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'clear' modifies 'jobs_' without holding 'mu_'
  }
  void drainAsync() {
    std::lock_guard<std::mutex> lock(mu_);
    auto done = std::async(std::launch::async, [this] { jobs_.pop_back(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: 'pop_back' modifies 'jobs_' without holding 'mu_'
  }
  void drainInThreadLocked() {
    std::thread worker([this] {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.clear();
    });
    worker.join();
  }
  void dropAll() {
    std::list<int> done;
    {
      std::lock_guard<std::mutex> lock(mu_);
      done.swap(jobs_);
    }
    done.clear();
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::list<int> jobs_;
};
