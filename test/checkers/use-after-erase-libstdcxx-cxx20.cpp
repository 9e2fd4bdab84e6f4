// Against the real libstdc++ (C++20 for std::span): the iterator stepped
// with std::next after the erase, a span over the erased element's value,
// and look-alikes that stay silent (issue 13).
// RUN: %check_clang_tidy -real-stdlib -std=c++20-or-later %s safedelete-use-after-erase,safedelete-erase-during-iteration %t

#include <iterator>
#include <map>
#include <span>
#include <vector>
void use(int);
void useIt(std::map<int, int>::iterator);
bool wanted(int);
void nextAfterErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  auto after = std::next(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'it' is invalidated by this 'erase' of 'm'
  use(after->second);
}
void spanOverElement(std::map<int, std::vector<int>> &m, int k) {
  std::span<int> s = m[k];
  m.erase(k);
  use(s[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: view 's' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

// Silent look-alikes.
void breakRightAfter(std::map<int, int> &m) {
  std::map<int, int>::iterator found = m.end();
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (wanted(it->first)) {
      found = it;
      break;
    }
  }
  if (found != m.end()) {
    m.erase(found);
    return;
  }
  use(0);
}
void spanOfOther(std::map<int, std::vector<int>> &m, int k, int j) {
  std::span<int> s = m[k];
  m.erase(j + 0 == k ? -1 : -2);
  use(s[0]);
}
void spanCopied(std::map<int, std::vector<int>> &m, int k) {
  std::vector<int> copy = m[k];
  m.erase(k);
  use(copy[0]);
}
void nextBeforeErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto after = std::next(it);
  m.erase(it);
  use(after->second);
}
void eraseThenBreak(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it < 0) {
      v.erase(it);
      break;
    }
}
void extractKeepsNode(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto node = m.extract(it);
  use(node.mapped());
}
void valueTakenFirst(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it != m.end()) {
    const int value = it->second;
    m.erase(it);
    use(value);
  }
}
void otherMapErased(std::map<int, int> &m, std::map<int, int> &other, int k) {
  auto it = m.find(k);
  auto jt = other.find(k);
  if (jt != other.end())
    other.erase(jt);
  use(it->second);
}
void continuesFromResult(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  it = m.erase(it);
  if (it != m.end())
    use(it->second);
}
void spanOverAnotherVector(std::vector<int> &v, std::vector<int> &w) {
  std::span<int> s = w;
  v.clear();
  use(s[0]);
}
