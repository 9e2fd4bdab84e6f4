// Half-typed loops, as an editor sends them: clang's errors, no warning of
// ours, no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-erase-during-iteration' -- \
// RUN:   -std=c++17 -nostdinc++ -isystem %S/Inputs/Headers 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=safedelete
// CHECK: error:

#include <map>
#include <vector>

struct Incomplete;

void typing(std::map<int, int> &m, std::vector<int> &v, Incomplete &inc) {
  for (auto &kv : m)
    m.erase(kv.first);
  for (auto &kv : m)
    m.erase(inc);
  for (auto it = m.begin(); it != m.end(); ++it)
    m.erase(it;
  for (auto it = v.begin(); it != v.end();)
    v.erase(it++)
  for (auto &kv : undeclared)
    undeclared.erase(kv.first);
  while (it != m.end()) m.erase(it);
}

template <class T> void dependentBroken(T &t) {
  for (auto &x : t)
    t.erase(;
}
