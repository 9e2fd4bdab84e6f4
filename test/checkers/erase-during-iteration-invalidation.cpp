// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t

// Insertions that may reallocate, and the for statement's own increment,
// with the pointer iterators of a minimal vector (issue 14).

#include <vector>

bool wanted(int);

void pushBack(std::vector<int> &v) {
  for (int *it = v.begin(); it != v.end(); ++it)
    if (wanted(*it))
      v.push_back(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'push_back' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void reserveInLoop(std::vector<int> &v) {
  int *it = v.begin();
  while (it != v.end()) {
    if (*it == 0)
      v.reserve(100);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'reserve' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    ++it;
  }
}

void insertInBlock(std::vector<int> &v) {
  for (int *it = v.begin(); it != v.end(); ++it) {
    if (wanted(*it)) {
      v.insert(it, 0);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'insert' on 'v' may reallocate
      // CHECK-FIXES: {{^}}      it = v.insert(it, 0); ++it;{{$}}
    }
  }
}

// Silent look-alikes.
void insertTakesResult(std::vector<int> &v) {
  for (int *it = v.begin(); it != v.end(); ++it)
    if (wanted(*it)) {
      it = v.insert(it, 0);
      ++it;
    }
}

void reservedBefore(std::vector<int> &v) {
  v.reserve(2 * v.size());
  for (int *it = v.begin(), *end = v.end(); it != end; ++it)
    if (wanted(*it))
      v.push_back(*it);
}

void anotherVector(std::vector<int> &v, std::vector<int> &w) {
  for (int *it = v.begin(); it != v.end(); ++it)
    if (wanted(*it))
      w.push_back(*it);
}

void leavesRightAfter(std::vector<int> &v) {
  for (int *it = v.begin(); it != v.end(); ++it)
    if (wanted(*it)) {
      v.emplace_back(0);
      return;
    }
}

void nextInIncrement(std::vector<int> &v) {
  for (int *it = v.begin(), *next = it; it != v.end(); it = next) {
    next = it + 1;
    if (wanted(*it))
      next = v.erase(it);
  }
}

// `erase(++it)` with a pointer iterator: the built-in increment.
void erasePreIncrementedPointer(std::vector<int> &v) {
  for (int *it = v.begin(); it != v.end(); ++it)
    if (wanted(*it))
      v.erase(++it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'v' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: loop over 'v' starts here
  // CHECK-MESSAGES: :[[@LINE-5]]:46: note: 'it' is used here after being invalidated
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: 'erase(++it)' removes the element after the one 'it' stood on and leaves 'it' on the removed element
}

// Silent: the next position is erased through a copy; the iterator itself
// stays before the erased element.
void eraseFollowing(std::vector<int> &v) {
  for (int *it = v.begin(); it != v.end() && it + 1 != v.end(); ++it)
    if (wanted(it[1]))
      v.erase(it + 1);
}

struct Buffer {
  std::vector<int> data;
  int *pos;
  void grow() {
    for (pos = data.begin(); pos != data.end(); ++pos)
      if (wanted(*pos))
        data.push_back(*pos);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'push_back' on 'data' may reallocate it and invalidate 'pos', which is used again before it is reassigned [safedelete-erase-during-iteration]
  }
  // Silent: a member call in the body may reset the member iterator.
  void growAndRewind() {
    for (pos = data.begin(); pos != data.end(); ++pos)
      if (wanted(*pos)) {
        data.push_back(*pos);
        rewind();
      }
  }
  void rewind() { pos = data.begin(); }
};
