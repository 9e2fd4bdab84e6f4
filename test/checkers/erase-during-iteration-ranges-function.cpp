// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t

// A library whose std::ranges::for_each is a plain function template rather
// than a function object.

#include <map>
#include <set>

namespace std {
namespace ranges {
template <class R, class F> void for_each(R &&r, F f) {
  for (auto &e : r)
    f(e);
}
template <class I, class S, class F> void for_each(I first, S last, F f) {
  for (; first != last; ++first)
    f(*first);
}
} // namespace ranges
} // namespace std

void rangeForm(std::map<int, int> &m1) {
  std::ranges::for_each(m1, [&](auto &kv) { m1.erase(kv.first); });
  // CHECK-NOTES: :[[@LINE-1]]:48: warning: 'erase' on 'm1' inside a loop over 'm1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:48: warning: 'erase' on 'm1' inside a loop over 'm1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 'm1' starts here
  // CHECK-NOTES: :[[@LINE-4]]:48: note: collect what to remove and erase it after the loop, or iterate with 'it = m1.erase(it)' and advance only when nothing was erased
}

void iteratorForm(std::set<int> &s1) {
  std::ranges::for_each(s1.begin(), s1.end(), [&](int x) { if (x) s1.clear(); });
  // CHECK-NOTES: :[[@LINE-1]]:70: warning: 'clear' on 's1' inside a loop over 's1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:70: warning: 'clear' on 's1' inside a loop over 's1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 's1' starts here
  // CHECK-NOTES: :[[@LINE-4]]:70: note: leave the loop right after modifying 's1' or modify it after the loop
}

// ===== Silent look-alikes =====

void otherKey(std::map<int, int> &m2, int k) {
  std::ranges::for_each(m2, [&](auto &kv) { if (kv.first == k + 1) m2.erase(k); });
}

void otherRange(std::set<int> &s2, std::set<int> &s3) {
  std::ranges::for_each(s2.begin(), s3.end(), [&](int x) { s2.erase(x); });
}
