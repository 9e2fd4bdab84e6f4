// Templates, aliases, auto and macros.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <map>
#include <unordered_map>

void use(int);

using Table = std::map<int, int>;
typedef Table::iterator Cursor;

void alias(Table &t, int k) {
  Cursor c = t.find(k);
  t.erase(c);
  use(c->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'c' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

void forwardingReference(std::map<int, int> &m, int k) {
  auto &&v = m[k];
  m.erase(k);
  use(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'v' is used after 'erase'
}

template <class T> int concreteInTemplate(std::map<int, int> &m, T k) {
  auto it = m.find(1);
  m.erase(it);
  return it->second + static_cast<int>(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
}
template int concreteInTemplate<int>(std::map<int, int> &, int);
template int concreteInTemplate<long>(std::map<int, int> &, long);

template <class V> struct Cache {
  std::map<int, int> byId;
  int drop(int k) {
    int &v = byId[k];
    byId.erase(k);
    return v;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: reference 'v' is used after 'erase'
  }
};
template struct Cache<int>;

#define USE(x) use(x)
void useInMacroArgument(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  USE(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

// No warning: the container kind is unknown until instantiation, or the
// erase is written by a macro.

template <class C> void dependentContainer(C &c, int k) {
  auto it = c.find(k);
  c.erase(it);
  use(it->second);
}
template void dependentContainer(std::map<int, int> &, int);

template <class K> void dependentKey(std::map<K, int> &m, K k) {
  auto it = m.find(k);
  m.erase(it);
  use(it->second);
}
template void dependentKey(std::map<long, int> &, long);

#define ERASE(c, it) (c).erase(it)
void eraseInMacro(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  ERASE(m, it);
  use(it->second);
}

#define DROP_AND_USE(c, k)                                                     \
  do {                                                                         \
    auto it = (c).find(k);                                                     \
    (c).erase(it);                                                             \
    use(it->second);                                                           \
  } while (false)
void wholeMacro(std::unordered_map<int, int> &m, int k) { DROP_AND_USE(m, k); }

void autoCopy(std::map<int, int> &m, int k) {
  auto v = m[k];
  m.erase(k);
  use(v);
}
