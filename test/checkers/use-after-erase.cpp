// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <list>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

void use(int);
void use(std::map<int, int>::iterator);
bool cond();

// Iterators used after the erase that invalidated them.

int derefAfterErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'it' is invalidated by this 'erase' of 'm'
}

void starAfterErase(std::map<int, int> &m, std::map<int, int>::iterator it) {
  m.erase(it);
  use((*it).second);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'it' is used after 'erase'
}

void passedAfterErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  use(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

bool comparedAfterErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it == m.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
}

void conditionalErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (cond())
    m.erase(it);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

void extractThenUse(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto node = m.extract(it);
  use(it->first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'extract' invalidated it
}

void firstUseOnEachPath(std::unordered_map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  if (cond())
    use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'it' is used after 'erase'
  else
    use(it->first);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'it' is used after 'erase'
  use(it->second);
}

void nextIteration(std::map<int, int> &m, int n) {
  auto it = m.find(0);
  for (int i = 0; i < n; ++i) {
    use(it->second);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'it' is used after 'erase'
    if (cond())
      m.erase(it);
  }
}

void pointerToContainer(std::map<int, int> *m, int k) {
  auto it = m->find(k);
  m->erase(it);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
  // CHECK-MESSAGES: :[[@LINE-3]]:6: note: 'it' is invalidated by this 'erase' of 'm'
}

void listErase(std::list<int> &l) {
  auto it = l.begin();
  l.erase(it);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'erase'
}

// The same key erased: the iterator found with it dangles.
void eraseSameKey(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(k);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

// Sets erased by value: the element the iterator stands on.
void setByValue(std::set<int> &s) {
  auto it = s.begin();
  s.erase(*it);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'erase'
}

void mapByKeyOfIterator(std::map<int, int> &m) {
  auto it = m.begin();
  m.erase(it->first);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

// Iterators from a structured binding.
void insertedThenErased(std::map<int, int> &m, int k) {
  auto [it, inserted] = m.insert({k, 1});
  if (!inserted)
    m.erase(it->first);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

// Everything is invalidated by clear and by assignment.
void clearThenUse(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.clear();
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'clear' invalidated it
}

void assignedThenUse(std::map<int, int> &m, const std::map<int, int> &other) {
  auto it = m.begin();
  m = other;
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'operator=' invalidated it
}

// A hashed container may rehash on insertion.
void rehashThenUse(std::unordered_map<int, int> &m, int k) {
  auto it = m.find(k);
  m[k + 1] = 2;
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'operator[]' invalidated it
}

// Correct code that looks alike: no warning.

void reassignedFromErase(std::map<int, int> &m, std::map<int, int>::iterator it) {
  it = m.erase(it);
  use(it->second);
}

void postIncrementErase(std::map<int, int> &m, std::map<int, int>::iterator it) {
  m.erase(it++);
  use(it->second);
}

void nextTakenFirst(std::map<int, int> &m, std::map<int, int>::iterator it) {
  auto next = it;
  ++next;
  m.erase(it);
  it = next;
  use(it->second);
}

void reassignedBeforeUse(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  it = m.find(k + 1);
  use(it->second);
}

void useOnOtherBranch(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (cond())
    m.erase(it);
  else
    use(it->second);
}

int returnRightAfter(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it->second > 0) {
    m.erase(it);
    return 0;
  }
  return it->second;
}

void breakRightAfter(std::map<int, int> &m) {
  auto it = m.begin();
  for (int i = 0; i < 3; ++i) {
    if (cond()) {
      m.erase(it);
      break;
    }
  }
  it = m.begin();
  use(it->second);
}

void copyTakenBefore(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  int v = it->second;
  m.erase(it);
  use(v);
}

void nodeHandle(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto node = m.extract(it);
  use(node.mapped());
}

void otherContainer(std::map<int, int> &m, std::map<int, int> &other, int k) {
  auto it = m.find(k);
  other.erase(k);
  other.clear();
  use(it->second);
}

void otherKey(std::map<int, int> &m) {
  auto it = m.find(1);
  m.erase(2);
  use(it->second);
}

void nodeInsertion(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m[k + 1] = 2;
  m.insert({k + 2, 3});
  use(it->second);
}

void swapKeepsIterators(std::map<int, int> &m, std::map<int, int> &other) {
  auto it = m.begin();
  m.swap(other);
  use(it->second);
}

void declaredAfterClear(std::map<int, int> &m, int k) {
  m.clear();
  auto it = m.find(k);
  use(it->second);
}

void usedOnlyBefore(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  use(it->second);
  m.erase(it);
}

void unevaluated(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  use(sizeof(it->second));
}

// Loops over the container itself are safedelete-erase-during-iteration's.
void loopOverContainer(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    if (it->second == 0)
      m.erase(it);
}

void whileOverContainer(std::map<int, int> &m) {
  auto it = m.begin();
  while (it != m.end()) {
    m.erase(it);
    ++it;
  }
}

// A lambda has a body of its own.
void lambdas(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto f = [&m](std::map<int, int>::iterator i) {
    m.erase(i);
    use(i->second);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'i' is used after 'erase'
  };
  f(it);
  auto g = [&]() { use(it->second); };
  m.erase(it);
  (void)g;
}

// A pointer key or value is not a position: inspircd's Channel::AddUser
// (channels.cpp:72) emplaces `user`, a User*, into an unordered_map keyed
// by it, then uses `user` (issue 13).
struct User;
void use(User *);
void pointerKeyEmplaced(std::unordered_map<User *, int> &m, User *user) {
  m.emplace(user, 1);
  use(user);
}

void pointerValueInserted(std::unordered_set<User *> &s, User *user) {
  s.insert(user);
  use(user);
}

