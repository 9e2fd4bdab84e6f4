// Structured bindings and range-for over dependent ranges, in templates and
// generic lambdas, never instantiated and instantiated: every safedelete
// check at once, no crash, no finding (a use-after-erase crash on bitcoin's
// logging.cpp, issue 13).
// RUN: %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++17 -nostdinc++ -isystem %S/../checkers/Inputs/Headers 2>&1 | FileCheck %s --allow-empty -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++20 -nostdinc++ -isystem %S/../checkers/Inputs/Headers 2>&1 | FileCheck %s --allow-empty -implicit-check-not='{{warning|error}}:'

#include <map>
#include <vector>

template <class T> int sum(const T &in) {
  int n = 0;
  for (const auto &[k, v] : in)
    n += v;
  return n;
}

template <class T> int firstOf(T &pairs) {
  auto [a, b] = *pairs.begin();
  pairs.erase(pairs.begin());
  return a;
}

template <class M> void prune(M &m) {
  for (auto it = m.begin(); it != m.end();) {
    auto [key, value] = *it;
    if (value == key)
      it = m.erase(it);
    else
      ++it;
  }
}

auto byLambda = [](const auto &in) {
  int n = 0;
  for (const auto &[k, v] : in)
    n += v;
  return n;
};

int instantiate() {
  std::map<int, int> m;
  std::vector<int> order;
  prune(m);
  return sum(m) + byLambda(m) + static_cast<int>(order.size());
}
