// Which locks count as evidence that a mutex guards a container (issue 12,
// class 2): a modification under it, or any use under it on another thread.
// A read that happens to sit under a lock taken for another member is not:
// the GUI thread of a Qt model owned the header list it cleared.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <thread>
#include <vector>

int use(unsigned long n);

class HeaderModel {
public:
  int data(int row) const {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    cache_[row] = row;
    return use(headers_.size()) + row;
  }

  // ===== Silent: headers_ is only read under cache_mutex_ =====
  void resetHeaders() { headers_.clear(); }

  // ===== Flagged: cache_ is modified under cache_mutex_ =====
  void dropCache() {
    cache_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'clear' modifies 'cache_' without holding 'cache_mutex_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'cache_' is used with 'cache_mutex_' held here
  }

private:
  mutable std::mutex cache_mutex_;
  mutable std::map<int, int> cache_;
  std::vector<int> headers_;
};

// Every access takes the map's own mutex; reads count once a modification
// under the mutex shows it guards the map.
class Sessions {
public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    m_.emplace(k, 1);
  }
  int get(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    return use(m_.count(k));
  }
  void purge() {
    m_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-MESSAGES: :[[@LINE-9]]:5: note: 'm_' is used with 'mu_' held here
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};

// A read under the mutex on another thread is evidence: the erase here
// races with it.
class Worker {
public:
  void start() {
    std::thread t([this] {
      std::lock_guard<std::mutex> lock(mu_);
      use(items_.size());
    });
    t.detach();
  }
  void reset() {
    items_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'clear' modifies 'items_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  std::mutex mu_;
  std::vector<int> items_;
};

// ===== Silent: a read under another object's lock in one const getter =====
class Stats {
public:
  unsigned long total() const {
    std::lock_guard<std::mutex> lock(mu_);
    return samples_.size() + hits_;
  }
  void reset() { samples_.clear(); }

private:
  mutable std::mutex mu_;
  unsigned long hits_ = 0;
  std::vector<int> samples_;
};

// ===== Silent: reads in two functions under a lock taken for the cache
// (sqlitebrowser's column types, read in data() and setData()) =====
class TableModel {
public:
  int data(int column) const {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    cache_[column] = column;
    return types_[column];
  }
  int setData(int column) {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    cache_[column] = 0;
    return types_[column];
  }
  void reset() { types_.clear(); }

private:
  mutable std::mutex cache_mutex_;
  mutable std::map<int, int> cache_;
  std::vector<int> types_;
};
