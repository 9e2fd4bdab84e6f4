// Contiguous containers: an erase invalidates the erased position and every
// later one, not the earlier ones; clear, resize and insertions that may
// reallocate invalidate everything. The rules come from support/Containers.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <deque>
#include <iterator>
#include <vector>

void use(int);
bool cond();

// At or after the erased position.

void laterReference(std::vector<int> &v) {
  int &third = v[2];
  v.erase(v.begin() + 1);
  use(third);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'third' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'third' is invalidated by this 'erase' of 'v'{{$}}
}

void sameReference(std::vector<int> &v) {
  int &second = v.at(1);
  v.erase(v.begin() + 1);
  use(second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'second' is used after 'erase'
}

void lastAfterAnyErase(std::vector<int> &v, std::vector<int>::iterator pos) {
  int &last = v.back();
  v.erase(pos);
  use(last);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'last' is used after 'erase'
}

void laterIterator(std::vector<int> &v) {
  auto it = v.begin() + 3;
  v.erase(v.begin() + 2);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'it' is used after 'erase'
}

void erasedThroughIterator(std::vector<int> &v) {
  auto first = v.begin();
  int &fourth = v[3];
  v.erase(first);
  use(fourth);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'fourth' is used after 'erase'
}

void laterPointer(std::vector<int> &v) {
  int *p = &v[2];
  v.erase(v.begin());
  use(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'p' is used after 'erase'
}

void lastIterator(std::vector<int> &v) {
  auto last = v.end() - 1;
  v.erase(v.begin());
  use(*last);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'last' is used after 'erase'
}

void rangeFromBefore(std::vector<int> &v) {
  int &second = v[1];
  v.erase(v.begin() + 1, v.end());
  use(second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'second' is used after 'erase'
}

void popBack(std::vector<int> &v) {
  int &last = v.back();
  v.pop_back();
  use(last);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'last' is used after 'pop_back'
}

void dequePopFront(std::deque<int> &d) {
  int &first = d.front();
  d.pop_front();
  use(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'first' is used after 'pop_front'
}

void readThroughIterator(std::vector<int> &v) {
  auto it = v.begin() + 2;
  int &value = *it;
  v.erase(v.begin() + 1);
  use(value);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'value' is used after 'erase'
}

void insertReallocates(std::vector<int> &v) {
  int &first = v.front();
  v.insert(v.end(), 1);
  use(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'first' is used after 'insert'
}

void emplaceReallocates(std::vector<int> &v) {
  auto it = v.begin();
  v.emplace_back(1);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'it' is used after 'emplace_back'
}

void onOneBranch(std::vector<int> &v) {
  int &third = v[2];
  if (cond())
    v.erase(v.begin());
  use(third);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'third' is used after 'erase'
}

// Correct code that looks alike: no warning.

void earlierReference(std::vector<int> &v) {
  int &first = v[0];
  v.erase(v.begin() + 1);
  use(first);
}

void earlierIterator(std::vector<int> &v) {
  auto it = v.begin() + 1;
  v.erase(v.begin() + 2);
  use(*it);
}

void frontBeforeErased(std::vector<int> &v) {
  int &first = v.front();
  v.erase(v.end() - 1);
  use(first);
}

void unknownIndex(std::vector<int> &v, unsigned long i) {
  int &x = v[i];
  v.erase(v.begin() + 1);
  use(x);
}

void unknownErasedPosition(std::vector<int> &v, std::vector<int>::iterator pos) {
  int &third = v[2];
  v.erase(pos);
  use(third);
}

void rangeMayBeEmpty(std::vector<int> &v) {
  int &last = v.back();
  v.erase(v.begin() + 2, v.end());
  use(last);
}

void steppedIterator(std::vector<int> &v) {
  auto it = v.begin();
  ++it;
  ++it;
  int &first = v[0];
  v.erase(it);
  use(first);
}

void advancedIterator(std::vector<int> &v) {
  auto it = v.begin();
  std::advance(it, 3);
  int &second = v[1];
  v.erase(it);
  use(second);
}

void reassignedIterator(std::vector<int> &v, std::vector<int>::iterator pos) {
  auto it = v.begin();
  it = pos;
  int &first = v[0];
  v.erase(it);
  use(first);
}

void popBackKeepsFront(std::vector<int> &v) {
  int &first = v.front();
  v.pop_back();
  use(first);
}

void dequePopFrontKeepsBack(std::deque<int> &d) {
  int &last = d.back();
  d.pop_front();
  use(last);
}

void otherVector(std::vector<int> &v, std::vector<int> &w) {
  int &third = v[2];
  w.erase(w.begin());
  use(third);
}

void swapKeepsElements(std::vector<int> &v, std::vector<int> &w) {
  int &first = v[0];
  v.swap(w);
  use(first);
}

void takenAgainAfterErase(std::vector<int> &v) {
  v.erase(v.begin());
  int &first = v[0];
  use(first);
}

void copiedBefore(std::vector<int> &v) {
  int third = v[2];
  v.erase(v.begin());
  use(third);
}
