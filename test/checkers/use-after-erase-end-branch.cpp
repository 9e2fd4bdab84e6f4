// An iterator known to be past the end holds no element to lose: an
// insertion or erasure in the branch where `it == c.end()` leaves it, for a
// node or hashed container, the same sentinel (issue 12). i2pd's
// SSU2Session.cpp:1907 looks a message up, inserts a new one when it is
// missing, and erases through `it` later only when it was found. A
// contiguous container's end moves when it grows: still reported.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-use-after-erase %t

#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

bool complete(int);

// ===== Silent =====

void followOnFragments(std::unordered_map<int, std::shared_ptr<int>> &m,
                       int id) {
  std::shared_ptr<int> msg;
  bool found = false;
  auto it = m.find(id);
  if (it != m.end()) {
    found = true;
    msg = it->second;
  } else {
    msg = std::make_shared<int>(0);
    m.emplace(id, msg);
  }
  if (found && complete(*msg))
    m.erase(it);
}

void thenBranch(std::map<int, int> &m, int id) {
  auto it = m.find(id);
  if (it == m.cend())
    m.insert({id, 0});
  if (it != m.end())
    m.erase(it);
}

void stdEnd(std::unordered_map<int, int> &m, int id) {
  auto it = m.find(id);
  if (std::end(m) == it)
    m.clear();
  else
    it->second = 1;
}

void pointer(std::unordered_map<int, int> *m, int id) {
  auto it = m->find(id);
  if (it == m->end())
    (*m)[id] = 0;
  else
    m->erase(it);
}

// ===== Reported =====

// The insertion runs where `it` is an element: it may rehash.
void foundBranch(std::unordered_map<int, int> &m, int id) {
  auto it = m.find(id);
  if (it != m.end()) {
    m.emplace(id + 1, 0);
    it->second = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: iterator 'it' is used after 'emplace' invalidated it [safedelete-use-after-erase]
  }
}

// Another container's end says nothing about `it`.
void otherContainer(std::unordered_map<int, int> &m,
                    std::unordered_map<int, int> &n, int id) {
  auto it = m.find(id);
  if (it == n.end())
    m.emplace(id, 0);
  it->second = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: iterator 'it' is used after 'emplace' invalidated it [safedelete-use-after-erase]
}

// A vector's end moves when it reallocates: comparing the old one with the
// new one is no longer meaningful.
void vectorGrows(std::vector<int> &v) {
  auto it = v.begin();
  if (it == v.end())
    v.push_back(0);
  if (it != v.end())
    *it = 1;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: iterator 'it' is used after 'push_back' invalidated it [safedelete-use-after-erase]
}
