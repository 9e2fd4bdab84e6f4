// Half-typed code, as an editor sends it: clang's errors, no warning of ours,
// no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-use-after-erase' -- -std=c++17 -nostdinc++ \
// RUN:   -isystem %S/Inputs/Headers 2>&1 | FileCheck %s --implicit-check-not=safedelete
// CHECK: error:

#include <map>

struct Incomplete;
void use(int);

void typing(std::map<int, int> &m, int k, Incomplete &inc) {
  auto it = m.find(k);
  m.erase(it);
  use(it->second);
  m.erase(inc);
  use(undeclared);
  auto jt = m.find(k
  m.erase(jt);
  use(jt->second);
}

template <class T> void dependentBroken(T &t) {
  auto it = t.find(1);
  t.erase(it);
  use(it->second) +;
}
