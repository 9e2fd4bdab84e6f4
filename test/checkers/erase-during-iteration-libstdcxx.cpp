// Against the real libstdc++ headers, the library users build with.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-erase-during-iteration %t -- -config="{CheckOptions: [{key: safedelete-erase-during-iteration.FixMode, value: iterator-loop}]}"

#include <algorithm>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

bool expired(int);

class Sessions {
public:
  void purge() {
    for (auto &[key, deadline] : byKey_)
      if (expired(deadline))
        byKey_.erase(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' on 'byKey_' inside a loop over 'byKey_' invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-FIXES:       if (expired(it->second))
    // CHECK-FIXES:         it = byKey_.erase(it);
  }
  void purgeIds() {
    for (auto it = ids_.begin(); it != ids_.end(); ++it)
      if (*it < 0)
        ids_.erase(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'erase' on 'ids_' invalidates 'it'
    // CHECK-FIXES:     for (auto it = ids_.begin(); it != ids_.end();)
    // CHECK-FIXES:         it = ids_.erase(it); else ++it;
  }
  void purgeSkipping() {
    for (auto it = byKey_.begin(); it != byKey_.end(); ++it)
      if (expired(it->second))
        it = byKey_.erase(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'erase' already moves 'it'
    // CHECK-FIXES:     for (auto it = byKey_.begin(); it != byKey_.end();)
  }
  void purgeCorrect() {
    for (auto it = byKey_.begin(); it != byKey_.end();) {
      if (expired(it->second))
        it = byKey_.erase(it);
      else
        ++it;
    }
    for (auto it = ids_.begin(); it != ids_.end();)
      if (*it < 0)
        ids_.erase(it++);
      else
        ++it;
  }

private:
  std::map<std::string, int> byKey_;
  std::set<int> ids_;
};

void vectors(std::vector<int> &v, std::deque<int> &d, std::string &s) {
  for (int x : v)
    if (x < 0)
      v.push_back(-x);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'push_back' on 'v'
  for (auto it = d.begin(); it != d.end();)
    if (*it < 0)
      d.erase(it++);
    else
      ++it;
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'erase(it++)' on 'd' leaves 'it' invalid: erasing from a 'std::deque'
  // CHECK-FIXES:       it = d.erase(it);
  for (char c : s)
    if (c == ' ')
      s.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'clear' on 's'
}

void lists(std::list<int> &l, std::unordered_map<int, int> &u) {
  for (int x : l)
    if (x == 0)
      l.remove(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'remove' on 'l'
  std::for_each(u.begin(), u.end(), [&](const std::pair<const int, int> &kv) {
    if (kv.second == 0)
      u.erase(kv.first);
  });
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'erase' on 'u'
  for (auto it = l.begin(); it != l.end();)
    if (*it == 1)
      l.erase(it++);
    else
      ++it;
  for (auto &kv : u)
    u[kv.first] = 0;
}
