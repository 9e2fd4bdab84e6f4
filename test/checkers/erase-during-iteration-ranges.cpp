// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t

// std::ranges::for_each (a function object, as the standard libraries
// define it), std::for_each_n and std::ranges::for_each_n whose callback
// modifies the container they walk.

#include <algorithm>
#include <list>
#include <map>
#include <set>
#include <vector>

void use(int);
bool stale(int);

// ===== Flagged =====

void rangeForm(std::map<int, int> &m1) {
  std::ranges::for_each(m1, [&](auto &kv) {
    if (stale(kv.second))
      m1.erase(kv.first);
  });
  // CHECK-NOTES: :[[@LINE-2]]:10: warning: 'erase' on 'm1' inside a loop over 'm1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: 'erase' on 'm1' inside a loop over 'm1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: loop over 'm1' starts here
  // CHECK-NOTES: :[[@LINE-5]]:10: note: collect what to remove and erase it after the loop, or iterate with 'it = m1.erase(it)' and advance only when nothing was erased
}

void iteratorForm(std::set<int> &s1) {
  std::ranges::for_each(s1.begin(), s1.end(), [&](int x) { s1.erase(x); });
  // CHECK-NOTES: :[[@LINE-1]]:63: warning: 'erase' on 's1' inside a loop over 's1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:63: warning: 'erase' on 's1' inside a loop over 's1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 's1' starts here
  // CHECK-NOTES: :[[@LINE-4]]:63: note: collect what to remove and erase it after the loop, or iterate with 'it = s1.erase(it)' and advance only when nothing was erased
}

void rangeFormClear(std::vector<int> &v1) {
  std::ranges::for_each(v1, [&](int x) {
    if (x < 0)
      v1.clear();
  });
  // CHECK-NOTES: :[[@LINE-2]]:10: warning: 'clear' on 'v1' inside a loop over 'v1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: 'clear' on 'v1' inside a loop over 'v1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: loop over 'v1' starts here
  // CHECK-NOTES: :[[@LINE-5]]:10: note: leave the loop right after modifying 'v1' or modify it after the loop
}

void rangeFormInsert(std::vector<int> &v2) {
  std::ranges::for_each(v2, [&](int x) { v2.push_back(x); });
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: 'push_back' on 'v2' inside a loop over 'v2' may invalidate the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:45: warning: 'push_back' on 'v2' inside a loop over 'v2' may invalidate the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 'v2' starts here
  // CHECK-NOTES: :[[@LINE-4]]:45: note: collect the new elements and insert them after the loop
}

void throughPointer(std::list<int> *p1) {
  std::ranges::for_each(*p1, [&](int x) { p1->remove(x); });
  // CHECK-NOTES: :[[@LINE-1]]:47: warning: 'remove' on 'p1' inside a loop over '*p1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:47: warning: 'remove' on 'p1' inside a loop over '*p1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over '*p1' starts here
  // CHECK-NOTES: :[[@LINE-4]]:47: note: collect what to remove and erase it after the loop, or iterate with 'it = p1.erase(it)' and advance only when nothing was erased
}

void forEachN(std::vector<int> &v3) {
  std::for_each_n(v3.begin(), 2, [&](int x) { v3.erase(v3.begin() + x); });
  // CHECK-NOTES: :[[@LINE-1]]:50: warning: 'erase' on 'v3' inside a loop over 'v3' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:50: warning: 'erase' on 'v3' inside a loop over 'v3' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 'v3' starts here
  // CHECK-NOTES: :[[@LINE-4]]:50: note: collect what to remove and erase it after the loop, or iterate with 'it = v3.erase(it)' and advance only when nothing was erased
}

void rangesForEachN(std::set<int> &s2) {
  std::ranges::for_each_n(s2.begin(), 2, [&](int x) { s2.erase(x); });
  // CHECK-NOTES: :[[@LINE-1]]:58: warning: 'erase' on 's2' inside a loop over 's2' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:58: warning: 'erase' on 's2' inside a loop over 's2' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 's2' starts here
  // CHECK-NOTES: :[[@LINE-4]]:58: note: collect what to remove and erase it after the loop, or iterate with 'it = s2.erase(it)' and advance only when nothing was erased
}

void erasesEveryKey(std::set<int> &s3, int k) {
  // A projection hides the element, but clear takes every element.
  std::ranges::for_each(s3, [&](int x) { if (x == k) s3.clear(); },
                        [](int x) { return x + 1; });
  // CHECK-NOTES: :[[@LINE-2]]:57: warning: 'clear' on 's3' inside a loop over 's3' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-3]]:57: warning: 'clear' on 's3' inside a loop over 's3' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: loop over 's3' starts here
  // CHECK-NOTES: :[[@LINE-5]]:57: note: leave the loop right after modifying 's3' or modify it after the loop
}

struct Cache {
  std::map<int, int> entries;
  void evict() {
    std::ranges::for_each(this->entries, [this](auto &kv) {
      if (kv.second == 0)
        entries.erase(kv.first);
    });
    // CHECK-NOTES: :[[@LINE-2]]:17: warning: 'erase' on 'entries' inside a loop over 'this->entries' invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-3]]:17: warning: 'erase' on 'entries' inside a loop over 'this->entries' invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-6]]:5: note: loop over 'this->entries' starts here
    // CHECK-NOTES: :[[@LINE-5]]:17: note: collect what to remove and erase it after the loop, or iterate with 'it = entries.erase(it)' and advance only when nothing was erased
  }
};

void memberThroughPointer(Cache *c) {
  std::ranges::for_each(c->entries, [&](auto &kv) { c->entries.erase(kv.first); });
  // CHECK-NOTES: :[[@LINE-1]]:64: warning: 'erase' on 'c->entries' inside a loop over 'c->entries' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:64: warning: 'erase' on 'c->entries' inside a loop over 'c->entries' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 'c->entries' starts here
  // CHECK-NOTES: :[[@LINE-4]]:64: note: collect what to remove and erase it after the loop, or iterate with 'it = c->entries.erase(it)' and advance only when nothing was erased
}

template <class Set> void templated(Set &s4) {
  std::ranges::for_each(s4, [&](int x) { s4.erase(x); });
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: 'erase' on 's4' inside a loop over 's4' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:45: warning: 'erase' on 's4' inside a loop over 's4' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 's4' starts here
  // CHECK-NOTES: :[[@LINE-4]]:45: note: collect what to remove and erase it after the loop, or iterate with 'it = s4.erase(it)' and advance only when nothing was erased
}
template void templated(std::set<int> &);

#define FOR_EACH_ERASE(c) std::ranges::for_each(c, [&](int x) { c.erase(x); })
void inMacro(std::set<int> &s5) {
  FOR_EACH_ERASE(s5);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'erase' on 's5' inside a loop over 's5' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'erase' on 's5' inside a loop over 's5' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:67: note: expanded from macro 'FOR_EACH_ERASE'
  // CHECK-NOTES: :[[@LINE-4]]:3: note: loop over 's5' starts here
  // CHECK-NOTES: :[[@LINE-7]]:27: note: expanded from macro 'FOR_EACH_ERASE'
  // CHECK-NOTES: :[[@LINE-6]]:3: note: collect what to remove and erase it after the loop, or iterate with 'it = s5.erase(it)' and advance only when nothing was erased
  // CHECK-NOTES: :[[@LINE-9]]:67: note: expanded from macro 'FOR_EACH_ERASE'
}

// ===== Silent look-alikes =====

void overCopy(std::map<int, int> &m2) {
  auto snapshot = m2;
  std::ranges::for_each(snapshot, [&](auto &kv) { m2.erase(kv.first); });
}

void overTemporaryCopy(std::map<int, int> &m3) {
  std::ranges::for_each(std::map<int, int>(m3), [&](auto &kv) { m3.erase(kv.first); });
}

void otherContainer(std::set<int> &s6, std::set<int> &s7) {
  std::ranges::for_each(s6, [&](int x) { s7.erase(x); });
}

void otherKey(std::map<int, int> &m4, int k) {
  std::ranges::for_each(m4, [&](auto &kv) {
    if (kv.second == k)
      m4.erase(k);
  });
}

void projectedKey(std::map<int, int> &m5) {
  // With a projection the callback's argument may not be the element.
  std::ranges::for_each(m5, [&](int k) { use(k); m5.erase(k + 1); },
                        [](auto &kv) { return kv.first; });
}

void capturedByCopy(std::set<int> &s8) {
  std::ranges::for_each(s8, [s8](int x) mutable { s8.erase(x); });
}

void readOnly(std::vector<int> &v4) {
  std::ranges::for_each(v4, [&](int x) { use(x + static_cast<int>(v4.size())); });
}

void nestedElement(std::map<int, std::set<int>> &m6) {
  std::ranges::for_each(m6, [&](auto &kv) { kv.second.erase(1); });
}

void forEachNOther(std::vector<int> &v5, std::vector<int> &v6) {
  std::for_each_n(v5.begin(), 2, [&](int x) { v6.push_back(x); });
}

void lambdaNotCalled(std::set<int> &s9) {
  std::ranges::for_each(s9, [&](int x) {
    auto later = [&] { s9.erase(x); };
    use(sizeof(later));
  });
}

void forEachNOtherErase(std::vector<int> &v7, std::vector<int> &v8) {
  std::for_each_n(v7.begin(), 2, [&](int) { v8.erase(v8.begin()); });
}

void collectThenErase(std::map<int, int> &m7) {
  std::vector<int> doomed;
  std::ranges::for_each(m7, [&](auto &kv) {
    if (stale(kv.second))
      doomed.push_back(kv.first);
  });
  for (int k : doomed)
    m7.erase(k);
}

void sameNameOtherObject(Cache &a, Cache &b) {
  std::ranges::for_each(a.entries, [&](auto &kv) { b.entries.erase(kv.first); });
}

namespace regression_for_each_other_key {
// std::for_each over a node-based container whose callback erases another
// key than the one it stands on: the loop's iterator stays valid.
void eraseOther(std::set<int> &s10, int k) {
  std::for_each(s10.begin(), s10.end(), [&](int x) {
    if (x == k + 1)
      s10.erase(k);
  });
}
} // namespace regression_for_each_other_key
