// Code outside function bodies is read too: a lambda at namespace scope, a
// thread started in a constructor's member initializer or in a default
// member initializer (also of a class template).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <thread>

std::mutex g_mu;
std::map<int, int> g_map;
// It modifies g_map with g_mu held: the evidence that g_mu guards g_map.
auto g_put = [](int k) {
  std::lock_guard<std::mutex> held(g_mu);
  g_map[k] = 1;
};

// ===== Flagged =====
void dropGlobal(int k) { g_map.erase(k); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'g_map' without holding 'g_mu', the mutex that guards it [safedelete-unlocked-erase]
// CHECK-MESSAGES: :[[@LINE-2]]:32: note: hold 'g_mu' while calling 'erase'
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'g_map' is used with 'g_mu' held here

class StartedInConstructor {
public:
  StartedInConstructor() : t_([this] { m_.clear(); }) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: hold 'mu_' while calling 'clear'
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: this lambda runs on another thread: the locks held where it is written do not protect it
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'm_' is used with 'mu_' held here
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::thread t_;
};

class StartedInMemberInitializer {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::thread t_{[this] { m_.clear(); }};
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: hold 'mu_' while calling 'clear'
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: this lambda runs on another thread: the locks held where it is written do not protect it
  // CHECK-MESSAGES: :[[@LINE-10]]:5: note: 'm_' is used with 'mu_' held here
};

// ===== Not flagged =====
std::mutex g_other_mu;
std::map<int, int> g_other;
auto g_other_put = [](int k) {
  std::lock_guard<std::mutex> held(g_other_mu);
  g_other[k] = 1;
};
auto g_other_drop = [](int k) {
  std::lock_guard<std::mutex> held(g_other_mu);
  g_other.erase(k);
};

class LocksInMemberInitializer {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::thread t_{[this] {
    std::lock_guard<std::mutex> held(mu_);
    m_.clear();
  }};
};

class LocksInConstructorInitializer {
public:
  LocksInConstructorInitializer()
      : t_([this] {
          std::lock_guard<std::mutex> held(mu_);
          m_.clear();
        }) {}
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::thread t_;
};
