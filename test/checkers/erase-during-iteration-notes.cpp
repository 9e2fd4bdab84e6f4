// RUN: %check_clang_tidy %s safedelete-erase-during-iteration %t

#include <algorithm>
#include <map>
#include <vector>

bool expired(int);
void use(int);

void withFix(std::map<int, int> &m1) {
  for (auto &kv : m1)
    if (expired(kv.second))
      m1.erase(kv.first);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'erase' on 'm1' inside a loop over 'm1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'erase' on 'm1' inside a loop over 'm1' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'm1' starts here
}

void withoutFix(std::map<int, int> &m2) {
  for (auto &kv : m2) {
    m2.erase(kv.first);
    use(kv.second);
  }
  // CHECK-NOTES: :[[@LINE-3]]:8: warning: 'erase' on 'm2' inside a loop over 'm2' invalidates the loop's iterator
  // CHECK-MESSAGES: :[[@LINE-4]]:8: warning: 'erase' on 'm2' inside a loop over 'm2' invalidates the loop's iterator
  // CHECK-NOTES: :[[@LINE-6]]:3: note: loop over 'm2' starts here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: collect what to remove and erase it after the loop, or iterate with 'it = m2.erase(it)' and advance only when nothing was erased
}

void clearNote(std::vector<int> &v1) {
  for (int x : v1)
    if (x < 0)
      v1.clear();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'clear' on 'v1' inside a loop over 'v1' invalidates the loop's iterator
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'clear' on 'v1' inside a loop over 'v1' invalidates the loop's iterator
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'v1' starts here
  // CHECK-NOTES: :[[@LINE-4]]:10: note: leave the loop right after modifying 'v1' or modify it after the loop
}

void insertNote(std::vector<int> &v2) {
  for (int x : v2)
    v2.push_back(x);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'push_back' on 'v2' inside a loop over 'v2' may invalidate the loop's iterator
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'push_back' on 'v2' inside a loop over 'v2' may invalidate the loop's iterator
  // CHECK-NOTES: :[[@LINE-4]]:3: note: loop over 'v2' starts here
  // CHECK-NOTES: :[[@LINE-4]]:8: note: collect the new elements and insert them after the loop
}

void useAfterErase(std::map<int, int> &m3) {
  for (auto it = m3.begin(); it != m3.end(); ++it)
    if (it->second == 0)
      m3.erase(it->first);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'erase' on 'm3' invalidates 'it', which is used again before it is reassigned
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'erase' on 'm3' invalidates 'it', which is used again before it is reassigned
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'm3' starts here
  // CHECK-NOTES: :[[@LINE-6]]:48: note: 'it' is used here after being invalidated
  // CHECK-NOTES: :[[@LINE-5]]:10: note: continue from the iterator 'erase' returns: 'it = m3.erase(it)', and advance only when nothing was erased
}

void incrementAfterErase(std::map<int, int> &m4) {
  auto it = m4.begin();
  while (it != m4.end()) {
    if (it->second == 0)
      it = m4.erase(it);
    use(it->second);
    ++it;
  }
  // CHECK-NOTES: :[[@LINE-4]]:15: warning: 'erase' already moves 'it' to the next element; the increment that follows skips that element and can step past the end of 'm4'
  // CHECK-MESSAGES: :[[@LINE-5]]:15: warning: 'erase' already moves 'it' to the next element; the increment that follows skips that element and can step past the end of 'm4'
  // CHECK-NOTES: :[[@LINE-8]]:3: note: loop over 'm4' starts here
  // CHECK-NOTES: :[[@LINE-5]]:5: note: 'it' is incremented here
  // CHECK-NOTES: :[[@LINE-8]]:15: note: advance 'it' only when nothing was erased: 'if (...) it = m4.erase(it); else ++it;'
}

void forEachNote(std::vector<int> &v3) {
  std::for_each(v3.begin(), v3.end(), [&](int x) { v3.push_back(x); });
  // CHECK-NOTES: :[[@LINE-1]]:55: warning: 'push_back' on 'v3' inside a loop over 'v3' may invalidate the loop's iterator
  // CHECK-MESSAGES: :[[@LINE-2]]:55: warning: 'push_back' on 'v3' inside a loop over 'v3' may invalidate the loop's iterator
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 'v3' starts here
  // CHECK-NOTES: :[[@LINE-4]]:55: note: collect the new elements and insert them after the loop
}

struct Reaper {
  std::map<int, int> live_;
  void kill(int id) { live_.erase(id); }
  void reap() {
    for (auto &kv : live_)
      kill(kv.first);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'kill' modifies 'live_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'kill' modifies 'live_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: loop over 'live_' starts here
    // CHECK-NOTES: :[[@LINE-7]]:29: note: 'erase' is called here
  }
};
