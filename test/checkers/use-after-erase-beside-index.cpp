// Both loop checks together: an iterator stepped beside an index belongs to
// safedelete-use-after-erase (the loop walks the index), a loop whose
// condition walks the container to safedelete-erase-during-iteration; no
// site is reported by both. Also: a declaration of several variables ends
// what came before it (the CFG declares each on its own).
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-erase-during-iteration,safedelete-use-after-erase %t

#include <deque>
#include <map>
#include <string>
#include <vector>

void use(int);
bool wanted(int);

void insertBesideIndex(std::deque<int> &d, int n) {
  auto it = d.begin();
  for (int i = 0; i < n; ++i, ++it) {
    d.insert(it, i);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:33: warning: iterator 'it' is used after 'insert' invalidated it [safedelete-use-after-erase]
}

void insertAtParameter(std::string &str, std::string::iterator loc, int n) {
  for (int i = 0; i < n; ++i, ++loc)
    str.insert(loc, 'x');
  // CHECK-MESSAGES: :[[@LINE-2]]:33: warning: iterator 'loc' is used after 'insert' invalidated it [safedelete-use-after-erase]
}

void clearBesideIndex(std::vector<int> &v, int n) {
  auto it = v.begin();
  for (int i = 0; i < n; ++i, ++it)
    if (*it < 0)
      v.clear();
  // CHECK-MESSAGES: :[[@LINE-3]]:33: warning: iterator 'it' is used after 'clear' invalidated it [safedelete-use-after-erase]
}

void pushBackInIteratorLoop(std::vector<int> &v) {
  for (auto it = v.begin(), end = v.end(); it != end; ++it)
    if (wanted(*it))
      v.push_back(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'push_back' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void eraseInIteratorLoop(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    if (wanted(it->second))
      m.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'm' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

// Silent look-alikes.
void declaredAfterReserve(std::vector<int> &v) {
  v.reserve(16);
  for (auto it = v.begin(), end = v.end(); it != end; ++it)
    use(*it);
}

void declaredAfterClear(std::vector<int> &v) {
  v.clear();
  auto first = v.begin(), last = v.end();
  if (first != last)
    use(*first);
}

void insertTakesResultBesideIndex(std::vector<int> &v, int n) {
  auto it = v.begin();
  for (int i = 0; i < n; ++i, ++it)
    it = v.insert(it, i);
}

void insertIntoAnother(std::string &str, std::string &out,
                       std::string::iterator loc, int n) {
  for (int i = 0; i < n; ++i, ++loc)
    out.push_back(*loc);
  str.insert(loc, 'x');
}

// Silent: append and assign read from a pointer, they take no position
// (leveldb's db/c.cc and table/block.cc).
void appendFromPointer(std::string *dst, const char *p, unsigned long n) {
  dst->append(p, n);
  use(p[n]);
}

void insertAtIndex(std::string &s, const char *p) {
  s.insert(0, p);
  use(*p);
}
