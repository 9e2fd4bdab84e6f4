// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-lookup-before-erase %t

#include <map>
#include <set>
#include <string>
#include <unordered_map>

void use(int);

// A member map whose value type is a template parameter: the class template
// std::unordered_map is known even though the class is not. Reported once,
// however often the template is instantiated.
template <class V> class Cache {
public:
  void remove(const std::string &k) {
    if (entries_.count(k)) entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: redundant lookup in 'entries_' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
    // CHECK-FIXES: entries_.erase(k);
  }
  void expire(const std::string &name) {
    auto it = entries_.find(name);
    if (it != entries_.end()) entries_.erase(name);
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'erase' repeats the lookup in 'entries_' that 'find' already made; erase through 'it'
    // CHECK-FIXES: if (it != entries_.end()) entries_.erase(it);
  }

private:
  std::unordered_map<std::string, V> entries_;
};

template class Cache<int>;
template class Cache<long>;

template <class K, class V> void dropKey(std::map<K, V> &m1, const K &k) {
  if (m1.count(k) > 0) m1.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'm1'
  // CHECK-FIXES: m1.erase(k);
}

template <class K> void dropThroughPointer(std::set<K> *s2, const K &k) {
  if (s2->count(k)) s2->erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: redundant lookup in 's2'
  // CHECK-FIXES: s2->erase(k);
}

// Dependent multimap: erase(it) would remove one element, erase(k) all.
template <class V> void dropAll(std::multimap<int, V> &mm3, int k) {
  auto it3 = mm3.find(k);
  if (it3 != mm3.end()) mm3.erase(k);
  // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: redundant lookup in 'mm3'
  // CHECK-FIXES: if (it3 != mm3.end()) mm3.erase(k);
}

void instantiateAll(std::map<int, int> &m, std::set<int> &s, std::multimap<int, int> &mm) {
  dropKey(m, 1);
  dropThroughPointer(&s, 2);
  dropAll(mm, 3);
}

// ===== Silent =====

// Nothing says what Map is.
template <class Map, class Key> void anyMap(Map &m, const Key &k) {
  if (m.count(k)) m.erase(k);
}

// A class template that is not a listed container.
template <class K> struct Bag {
  unsigned count(const K &) const;
  void erase(const K &);
};
template <class K> void bag(Bag<K> &b, const K &k) {
  if (b.count(k)) b.erase(k);
}

// A dependent key that is not a plain access path.
template <class T> void dependentKey(std::map<int, int> &m, const T &t) {
  if (m.count(t.key())) m.erase(t.key());
}

// Different containers of the same template.
template <class V> void twoMaps(std::map<int, V> &a, std::map<int, V> &b, int k) {
  if (a.count(k)) b.erase(k);
}

struct Keyed {
  int key() const;
};
void instantiateSilent(std::map<int, int> &m, Bag<int> &b) {
  anyMap(b, 1);
  bag(b, 1);
  dependentKey(m, Keyed());
  twoMaps(m, m, 1);
}
