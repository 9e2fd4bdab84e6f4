// Half-typed code, as an editor sends it: clang's errors, no warning of ours,
// no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++17 -nostdinc++ \
// RUN:   -isystem %S/Inputs/Headers 2>&1 | FileCheck %s --implicit-check-not=safedelete
// CHECK: error:

#include <map>

struct Incomplete;

void typing(std::map<int, int> &m, int k, Incomplete &inc) {
  if (m.count(k)) m.erase(k);
  if (m.count(inc)) m.erase(inc);
  if (m.count(undeclared)) m.erase(undeclared);
  if (m.find(k) != m.end() m.erase(k);
  auto it = m.find(k
  if (it != m.end()) m.erase(k);
}

template <class T> void dependentBroken(T &t) {
  if (t.count(1)) t.erase(;
}
