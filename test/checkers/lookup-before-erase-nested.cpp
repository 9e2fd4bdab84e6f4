// Issue 12, class 7: find, then erase by key inside a nested branch of the
// test of the iterator; the erase repeats the lookup (fix: erase(it)).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-lookup-before-erase %t

#include <map>
#include <set>
#include <string>
#include <unordered_map>

struct Session {
  bool expired() const;
  int refs;
};
bool expired(const Session &s);
void log(const std::string &);

class Sessions {
public:
  void expireMember(const std::string &k) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      if (it->second.expired())
        m_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' repeats the lookup in 'm_' that 'find' already made; erase through 'it' [safedelete-lookup-before-erase]
      // CHECK-FIXES: m_.erase(it);
    }
  }
  void expireBlock(const std::string &k) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      --it->second.refs;
      if (it->second.refs == 0) {
        m_.erase(k);
        // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' repeats the lookup in 'm_'
        // CHECK-FIXES: m_.erase(it);
      }
    }
  }
  // A free function may reach the map: warned, no fix-it.
  void expireFree(const std::string &k) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      if (expired(it->second))
        m_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' repeats the lookup in 'm_'
      // CHECK-FIXES: m_.erase(k);
    }
  }
  void expireElse(const std::string &k, bool force) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      if (force)
        log("forced");
      else if (it->second.expired())
        m_.erase(k);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' repeats the lookup in 'm_'
      // CHECK-FIXES: m_.erase(it);
    }
  }

  // ===== Silent =====
  // The erase runs in a loop: erase(it) would erase twice.
  void inLoop(const std::string &k, int n) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      for (int i = 0; i < n; ++i)
        m_.erase(k);
    }
  }
  // Another key.
  void otherKey(const std::string &k, const std::string &j) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      if (it->second.expired())
        m_.erase(j);
    }
  }
  // Another container.
  void otherMap(const std::string &k) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      if (it->second.expired())
        other_.erase(k);
    }
  }
  // Inside a lambda: it may run after the iterator is gone.
  void inLambda(const std::string &k) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      auto later = [this, k] { m_.erase(k); };
      later();
    }
  }
  // Erase by iterator already.
  void byIterator(const std::string &k) {
    auto it = m_.find(k);
    if (it != m_.end()) {
      if (it->second.expired())
        m_.erase(it);
    }
  }
  // A multimap: erase(k) removes every element with the key.
  void multi(int k) {
    auto it = mm_.find(k);
    if (it != mm_.end()) {
      if (it->second > 1)
        mm_.erase(k);
    }
  }

private:
  std::map<std::string, Session> m_;
  std::map<std::string, Session> other_;
  std::multimap<int, int> mm_;
};
