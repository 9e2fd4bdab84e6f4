// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t -- -config="{CheckOptions: [{key: safedelete-erase-during-iteration.ContainerTypes, value: '::my::Cache;FlatTable'}, {key: safedelete-erase-during-iteration.EraseMethods, value: 'drop;evict'}, {key: safedelete-erase-during-iteration.CheckInsertions, value: false}, {key: safedelete-erase-during-iteration.FixMode, value: none}]}"

#include <map>
#include <vector>

namespace my {
template <class T> struct Iter {
  T *p;
  T &operator*() const { return *p; }
  T *operator->() const { return p; }
  Iter &operator++() { return *this; }
  Iter operator++(int) { return *this; }
  bool operator!=(const Iter &o) const { return p != o.p; }
};
struct Cache {
  Iter<int> begin();
  Iter<int> end();
  Iter<int> erase(Iter<int> pos);
  void drop(int key);
  void insert(int v);
};
struct FlatTable {
  Iter<int> begin();
  Iter<int> end();
  Iter<int> erase(Iter<int> pos);
  void evict(Iter<int> pos);
};
struct Unlisted {
  Iter<int> begin();
  Iter<int> end();
  void drop(int key);
};
} // namespace my

void configuredContainer(my::Cache &c1) {
  for (int x : c1)
    if (x < 0)
      c1.drop(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'drop' on 'c1' inside a loop over 'c1' invalidates the loop's iterator [safedelete-erase-during-iteration]
}

void configuredIteratorLoop(my::Cache &c2) {
  for (auto it = c2.begin(); it != c2.end(); ++it)
    if (*it < 0)
      c2.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 'c2' invalidates 'it'
  // CHECK-FIXES: c2.erase(it);
}

void configuredEraseMethodIteratorLoop(my::FlatTable &t1) {
  for (auto it = t1.begin(); it != t1.end(); ++it)
    if (*it < 0)
      t1.evict(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'evict' on 't1' invalidates 'it'
}

void configuredFlatPostIncrement(my::FlatTable &t2) {
  for (auto it = t2.begin(); it != t2.end();)
    if (*it < 0)
      t2.erase(it++);
    else
      ++it;
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: 'erase(it++)' on 't2' leaves 'it' invalid: erasing from a 'my::FlatTable'
  // CHECK-FIXES: t2.erase(it++);
}

void fixModeNone(std::map<int, int> &m1) {
  for (auto &kv : m1)
    if (kv.second == 0)
      m1.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 'm1'
  // CHECK-FIXES: m1.erase(kv.first);
}

// Silent: insertions are not checked, unlisted classes are not containers,
// node-like configured classes may use erase(it++).
void insertionsOff(std::vector<int> &v1, my::Cache &c3) {
  for (int x : v1)
    v1.push_back(x);
  for (int x : c3)
    c3.insert(x);
  for (auto it = v1.begin(); it != v1.end(); ++it)
    v1.push_back(*it);
}

void unlisted(my::Unlisted &u1) {
  for (int x : u1)
    u1.drop(x);
}

void nodeLikePostIncrement(my::Cache &c4) {
  for (auto it = c4.begin(); it != c4.end();)
    if (*it < 0)
      c4.erase(it++);
    else
      ++it;
}
