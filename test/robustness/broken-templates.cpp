// Incomplete templates and dependent code.
// Every safedelete check at once on code that does not compile: clang's
// errors, and no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++17 -nostdinc++ -isystem %S/../checkers/Inputs/Headers 2>&1 | FileCheck %s
// RUN: not %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++20 -nostdinc++ -isystem %S/../checkers/Inputs/Headers 2>&1 | FileCheck %s
// CHECK: error:

#include <future>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <string>
#include <vector>

template <class K, class V> struct Cache {
  std::map<K, V> m;
  std::mutex mu;
  template <class F> void each(F f) {
    for (auto &kv : m)
      if (f(kv)) m.erase(kv.first)
  }
  void take(K k) {
    if (m.count(k)) m.erase(
  }
  typename V::promise_type promise_of(K k) { return m[k].get_promise(; }
};
template <class T> struct Half;
template <class T> void use(Half<T> &h) { h.items.erase(h.items.begin()); }
template <class T> void instantiate() { Cache<int, T> c; c.take(1); use(Half<T>{}); }
template void instantiate<int>();
template <class T> struct Broken : T::missing {
  void f() { this->erase(this->begin()); }
};
Broken<int> b;
