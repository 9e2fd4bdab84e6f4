// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase,safedelete-erase-during-iteration %t
// A loop over the container that modifies it: the loop's own iterator (and
// what is read through it) belongs to safedelete-erase-during-iteration;
// every other handle, taken before the loop or inside its body, is
// safedelete-use-after-erase's. The two checks never report the same
// handle.

#include <deque>
#include <map>
#include <vector>

void use(int);
bool cond();

void firstBeforeGrowingLoop(std::vector<int> &v) {
  int &first = v.front();
  for (unsigned long i = 0; i < v.size(); ++i)
    if (v[i] < 0)
      v.push_back(-v[i]);
  use(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'first' is used after 'push_back' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:9: note: 'first' is invalidated by this 'push_back' of 'v'
}

void elementThenGrow(std::vector<int> &v) {
  for (unsigned long i = 0; i < v.size(); ++i) {
    int &x = v[i];
    if (x < 0)
      v.push_back(0);
    use(x);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: reference 'x' is used after 'push_back' invalidated it [safedelete-use-after-erase]
  }
}

void frontThenPop(std::deque<int> &jobs) {
  while (!jobs.empty()) {
    int &job = jobs.front();
    jobs.pop_front();
    use(job);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: reference 'job' is used after 'pop_front' invalidated it [safedelete-use-after-erase]
  }
}

void lastBeforeEraseLoop(std::vector<int> &v) {
  int &last = v.back();
  for (auto it = v.begin(); it != v.end();) {
    if (*it < 0)
      it = v.erase(it);
    else
      ++it;
  }
  use(last);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'last' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

void foundBeforeClearingLoop(std::map<int, int> &m, int k) {
  auto found = m.find(k);
  for (auto &entry : m)
    if (entry.second < 0) {
      m.clear();
      break;
    }
  use(found->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'found' is used after 'clear' invalidated it [safedelete-use-after-erase]
}

// An iterator the loop does not walk (cppcheck's history, reduced): the
// erase leaves it dangling for the next statement and the next pass.
void erasedIteratorNotWalked(std::map<int, int> &m) {
  auto it = m.begin();
  while (!m.empty()) {
    m.erase(it);
    use(it->second);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  }
}

// The loop's own iterator: reported once, by safedelete-erase-during-iteration.

void loopIteratorErased(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it < 0)
      v.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'v' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-FIXES: {{^}}  for (auto it = v.begin(); it != v.end();){{$}}
  // CHECK-FIXES: {{^}}      it = v.erase(it); else ++it;{{$}}
}

void rangeElementAfterGrowth(std::vector<int> &v) {
  for (int &x : v) {
    if (x < 0)
      v.push_back(0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'push_back' on 'v' inside a loop over 'v' may invalidate the loop's iterator [safedelete-erase-during-iteration]
    use(x);
  }
}

// Correct code that looks alike: no warning.

void frontKeptByPopBack(std::vector<int> &v) {
  int &first = v.front();
  while (v.size() > 1)
    v.pop_back();
  use(first);
}

void referenceTakenAfterGrowth(std::vector<int> &v) {
  for (unsigned long i = 0; i < v.size(); ++i) {
    if (v[i] < 0)
      v.push_back(0);
    int &x = v[i];
    use(x);
  }
}

void copyBeforePop(std::deque<int> &jobs) {
  while (!jobs.empty()) {
    const int job = jobs.front();
    jobs.pop_front();
    use(job);
  }
}

void usedBeforePop(std::deque<int> &jobs) {
  while (!jobs.empty()) {
    int &job = jobs.front();
    use(job);
    jobs.pop_front();
  }
}

void referenceTakenAfterLoop(std::vector<int> &v) {
  for (unsigned long i = 0; i < v.size(); ++i)
    if (v[i] < 0)
      v.push_back(0);
  int &first = v.front();
  use(first);
}

void otherKeyInLoopOverMap(std::map<int, int> &m, int k) {
  auto found = m.find(k);
  for (auto it = m.begin(); it != m.end();) {
    if (it->first != k && it->second < 0)
      it = m.erase(it);
    else
      ++it;
  }
  use(found->second);
}
