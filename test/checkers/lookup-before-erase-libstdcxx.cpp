// Against the real libstdc++ headers, the library users build with.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-lookup-before-erase %t

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

class Cache {
public:
  void evict(const std::string &key) {
    if (entries_.count(key)) entries_.erase(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: redundant lookup in 'entries_' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
    // CHECK-FIXES: entries_.erase(key);
  }
  bool forget(int id) {
    if (ids_.find(id) != ids_.end()) {
      ids_.erase(id);
      return true;
    }
    return false;
    // CHECK-MESSAGES: :[[@LINE-5]]:14: warning: redundant lookup in 'ids_'
    // CHECK-FIXES: return ids_.erase(id) != 0;
  }
  void drop(int id) {
    auto it = byId_.find(id);
    if (it != byId_.end()) {
      it->second.clear();
      byId_.erase(id);
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: 'erase' repeats the lookup in 'byId_' that 'find' already made; erase through 'it'
    // CHECK-FIXES: byId_.erase(it);
  }
  void dropAll(int id) {
    if (tags_.count(id) > 0) tags_.erase(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: redundant lookup in 'tags_'
    // CHECK-FIXES: tags_.erase(id);
  }

  // Silent look-alikes.
  void keep(const std::string &key) {
    auto it = entries_.find(key);
    if (it != entries_.end()) entries_.erase(it);
    if (entries_.count(key)) {
      entries_[key] += 1;
      entries_.erase(key);
    }
    if (entries_.count(key) == 0) entries_.erase(key);
  }

private:
  std::unordered_map<std::string, int> entries_;
  std::set<int> ids_;
  std::map<int, std::string> byId_;
  std::multimap<int, std::string> tags_;
};

template <class V> class Registry {
public:
  void unregister(const std::string &name) {
    if (handlers_.count(name)) handlers_.erase(name);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: redundant lookup in 'handlers_'
    // CHECK-FIXES: handlers_.erase(name);
  }

private:
  std::unordered_map<std::string, V> handlers_;
};
template class Registry<int>;
