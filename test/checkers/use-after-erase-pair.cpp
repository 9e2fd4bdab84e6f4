// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t
// The pair an insertion returns, kept whole: `r.first` is an iterator like
// any other, `r.second` a bool that no erase touches.

#include <map>
#include <set>
#include <unordered_map>

void use(int);
void use(bool);
bool cond();

int insertedThenErasedByKey(std::map<int, int> &m, int k) {
  auto r = m.insert({k, 1});
  if (!r.second)
    m.erase(r.first->first);
  return r.first->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'r.first' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'r.first' is invalidated by this 'erase' of 'm'
}

void erasedThroughPair(std::unordered_map<int, int> &m, int k) {
  auto r = m.emplace(k, 1);
  m.erase(r.first);
  use(r.first->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'r.first' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'r.first' is invalidated by this 'erase' of 'm'; take what is needed from it first
}

void erasedWithTheKey(std::map<int, int> &m, int k) {
  auto r = m.try_emplace(k, 1);
  m.erase(k);
  use(r.first->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'r.first' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

void referenceThroughPair(std::map<int, int> &m, int k) {
  auto r = m.insert_or_assign(k, 1);
  int &v = r.first->second;
  m.clear();
  use(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'v' is used after 'clear' invalidated it [safedelete-use-after-erase]
}

void setPair(std::set<int> &s, int k) {
  const auto r = s.insert(k);
  s.erase(*r.first);
  use(*r.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'r.first' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

void pairParameter(std::map<int, int> &m,
                   std::pair<std::map<int, int>::iterator, bool> r) {
  m.erase(r.first);
  if (cond())
    use(r.first->first);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'r.first' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

// Correct code that looks alike: no warning.

void onlyTheBoolAfter(std::map<int, int> &m, int k) {
  auto r = m.insert({k, 1});
  m.erase(r.first);
  use(r.second);
}

void reinserted(std::map<int, int> &m, int k) {
  auto r = m.insert({k, 1});
  m.erase(r.first);
  r = m.insert({k, 2});
  use(r.first->second);
}

void iteratorReassigned(std::map<int, int> &m, int k) {
  auto r = m.insert({k, 1});
  r.first = m.erase(r.first);
  if (r.first != m.end())
    use(r.first->second);
}

void otherKeyErased(std::map<int, int> &m, int k, int j) {
  auto r = m.insert({k, 1});
  m.erase(j);
  use(r.first->second);
}

void usedBeforeErase(std::map<int, int> &m, int k) {
  auto r = m.insert({k, 1});
  use(r.first->second);
  m.erase(r.first);
  use(r.second);
}

void pairOfOtherContainer(std::map<int, int> &m, std::map<int, int> &other,
                          int k) {
  auto r = other.insert({k, 1});
  m.erase(k + 1);
  m.clear();
  use(r.first->second);
}

int valueTakenFirst(std::map<int, int> &m, int k) {
  auto r = m.insert({k, 1});
  const int v = r.first->second;
  m.erase(r.first);
  return v;
}
