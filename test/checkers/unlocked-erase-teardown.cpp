// Teardown after every thread of the object is joined runs alone: a
// modification there is silent (issue 12, class 8, teardown), also when a
// method of the object whose body is here does the join. One before the
// join, or after joining only some of the object's threads, stays a race.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
class Server {
public:
  void Start() { worker_ = std::thread([this] { Run(); }); }
  void StopAfterJoin() {
    running_ = false;
    if (worker_.joinable())
      worker_.join();
    sessions_.clear();
  }
  void StopBeforeJoin() {
    running_ = false;
    sessions_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'clear' modifies 'sessions_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    worker_.join();
  }
private:
  void Run() {
    while (running_) {
      std::lock_guard<std::mutex> lock(mu_);
      sessions_[1] = 2;
    }
  }
  bool running_ = true;
  std::mutex mu_;
  std::map<int, int> sessions_;
  std::thread worker_;
};
// A pool: every worker of the vector and the thread behind the unique_ptr.
class Pool {
public:
  void Start() {
    for (int i = 0; i < 2; ++i) workers_.emplace_back([this] { Run(); });
    reaper_ = std::make_unique<std::thread>([this] { Run(); });
  }
  void StopAll() {
    for (auto &w : workers_) w.join();
    reaper_->join();
    tasks_.clear();
  }
  void StopOnlyWorkers() {
    for (auto &w : workers_) w.join();
    tasks_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'clear' modifies 'tasks_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
private:
  void Run() {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_.erase(0);
  }
  std::mutex mu_;
  std::map<int, int> tasks_;
  std::vector<std::thread> workers_;
  std::unique_ptr<std::thread> reaper_;
};

// No thread member joined in this function: the join elsewhere proves
// nothing here.
class Elsewhere {
public:
  void Join() { worker_.join(); }
  void Reset() { items_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'clear' modifies 'items_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  void Run() {
    std::lock_guard<std::mutex> lock(mu_);
    items_.erase(1);
  }

private:
  std::mutex mu_;
  std::map<int, int> items_;
  std::thread worker_;
};

// Another component reads the container through a public member under the
// lock (i2pd's NetDb::VisitLeaseSets from the web console, Transports'
// IsConnected from the NetDb thread): joining the object's own thread does
// not stop it, so the clear after the join stays a race.
class Directory {
public:
  void Start() { worker_ = std::thread([this] { Refresh(); }); }
  void Stop() {
    worker_.join();
    entries_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'clear' modifies 'entries_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  int Visit(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_.count(k) ? entries_[k] : 0;
  }

private:
  void Refresh() {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.erase(0);
  }
  std::mutex mu_;
  std::map<int, int> entries_;
  std::thread worker_;
};

// The join done by a method of the object whose body is in this file, on
// the object's own thread or on a thread member of its base.
class Base {
protected:
  void StopThread() {
    if (thread_)
      thread_->join();
  }
  std::unique_ptr<std::thread> thread_;
};

class Router : private Base {
public:
  void Start() { thread_ = std::make_unique<std::thread>([this] { Run(); }); }
  void Stop() {
    StopThread();
    routes_.clear();
  }

private:
  void Run() {
    std::lock_guard<std::mutex> lock(mu_);
    routes_.erase(0);
  }
  std::mutex mu_;
  std::map<int, int> routes_;
};

// The same join after the erase, or on another object, proves nothing.
class EarlyRouter : private Base {
public:
  void StopEarly() {
    routes_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'clear' modifies 'routes_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    StopThread();
  }
  void StopOther(EarlyRouter &other) {
    other.StopThread();
    others_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'clear' modifies 'others_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  void Run() {
    std::lock_guard<std::mutex> lock(mu_);
    routes_.erase(0);
    others_.erase(0);
  }
  std::mutex mu_;
  std::map<int, int> routes_, others_;
};
