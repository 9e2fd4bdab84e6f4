// Issue 12: a function template over a container type parameter, instantiated
// only with listed containers: reported once, in the template.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-lookup-before-erase %t

#include <map>
#include <set>
#include <string>
#include <unordered_map>

template <class Map, class Key> void dropKey(Map &m, const Key &k) {
  if (m.count(k))
    m.erase(k);
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: redundant lookup in 'm' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: m.erase(k);
}

template <class Map> void expire(Map *m, int k) {
  auto it = m->find(k);
  if (it != m->end())
    m->erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' repeats the lookup in 'm' that 'find' already made; erase through 'it'
  // CHECK-FIXES: m->erase(it);
}

// ===== Silent =====

// Also instantiated with a type that is not a listed container.
struct Bag {
  unsigned count(int) const;
  void erase(int);
};
template <class C> void mixed(C &c, int k) {
  if (c.count(k))
    c.erase(k);
}

// Never instantiated: nothing says what Map is.
template <class Map> void never(Map &m, int k) {
  if (m.count(k))
    m.erase(k);
}

// Instantiated with a multimap: erase(it) removes one element, erase(k) all.
template <class Map> void multiExpire(Map &m, int k) {
  auto it = m.find(k);
  if (it != m.end())
    m.erase(k);
}

void instantiate(std::map<int, int> &a, std::unordered_map<int, int> &b,
                 std::set<int> &s, Bag &bag, std::multimap<int, int> &mm) {
  dropKey(a, 1);
  dropKey(b, 2);
  dropKey(s, 3);
  expire(&a, 4);
  expire(&b, 5);
  mixed(a, 6);
  mixed(bag, 7);
  multiExpire(mm, 8);
}
