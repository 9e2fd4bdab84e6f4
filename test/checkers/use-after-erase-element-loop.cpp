// A range-for over a member of one element (`it->second`, `m[k]`) that
// removes that element and goes on: the loop's hidden iterators point into
// the destroyed container (issue 13). The loop is over the element, not
// the container, so safedelete-erase-during-iteration does not report it.
// Iterators into such a member, taken before the erase, dangle too.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-use-after-erase %t

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

bool bad(int);
void use(int);

void overIteratorMember(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  for (int x : it->second)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: loop over 'it->second' goes on after 'erase' destroyed the element that holds it [safedelete-use-after-erase]
    if (bad(x))
      m.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: 'it->second' is destroyed by this 'erase' of 'm'; leave the loop after it, or remove the element after the loop
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:9: note: 'it' is invalidated by this 'erase' of 'm'; take what is needed from it first
}

void overSubscript(std::unordered_map<std::string, std::vector<int>> &m,
                   const std::string &k) {
  for (int x : m[k])
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: loop over 'm[k]' goes on after 'erase' destroyed the element that holds it [safedelete-use-after-erase]
    if (bad(x))
      m.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: 'm[k]' is destroyed by this 'erase' of 'm'; leave the loop after it
}

void overNamedMember(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  auto &items = it->second;
  for (int x : items) {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: loop over 'items' goes on after 'erase' destroyed the element that holds it [safedelete-use-after-erase]
    use(x);
    if (bad(x))
      m.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: note: 'items' is destroyed by this 'erase' of 'm'
  }
}

void iteratorIntoMember(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  auto &items = it->second;
  auto first = items.begin();
  m.erase(it);
  use(*first);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'first' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'first' is invalidated by this 'erase' of 'm'
}

// Another element erased through its iterator on every bad item: the
// second pass erases through a dangling iterator.
void erasesAnotherElementTwice(std::map<int, std::vector<int>> &m, int k,
                               int j) {
  auto it = m.find(k);
  auto other = m.find(j);
  if (it == m.end() || other == m.end() || it == other)
    return;
  for (int x : it->second)
    if (bad(x))
      m.erase(other);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: iterator 'other' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

// ===== Silent =====

void leavesTheLoop(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  for (int x : it->second)
    if (bad(x)) {
      m.erase(it);
      break;
    }
}

int returnsFromTheLoop(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return 0;
  for (int x : it->second)
    if (bad(x)) {
      m.erase(it);
      return x;
    }
  return -1;
}

void erasesAfterTheLoop(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  bool drop = false;
  for (int x : it->second)
    drop = drop || bad(x);
  if (drop)
    m.erase(it);
}

void erasesAnotherElement(std::map<int, std::vector<int>> &m, int k, int j) {
  auto it = m.find(k);
  if (it == m.end() || it->first == j)
    return;
  for (int x : it->second)
    if (bad(x))
      m.erase(j);
}

void loopsOverACopy(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  const std::vector<int> items = it->second;
  for (int x : items)
    if (bad(x))
      m.erase(k);
}

void iteratorTakenAfter(std::map<int, std::vector<int>> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return;
  m.erase(it);
  auto again = m.find(k);
  if (again != m.end())
    for (int x : again->second)
      use(x);
}
