// The value read right after the erase is taken out before it:
// `c.erase(it); return it->second;` -> `auto value = std::move(it->second);
// c.erase(it); return value;`, where that is exact; a note elsewhere.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

struct Session {
  int ttl;
  std::string user;
};
struct Guard {
  ~Guard();
  int id;
};
struct Pinned {
  Pinned(const Pinned &) = delete;
  int id;
};
void use(int);
void use(const Session &);
void use(const Guard &);
void consume(Session &);
bool cond();

// Rewritten.

int returnScalar(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-FIXES: {{^}}  auto value = it->second;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  return value;{{$}}
}

Session returnClass(std::unordered_map<int, Session> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  auto value = std::move(it->second);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  return value;{{$}}
}

Guard returnDestructed(std::map<int, Guard> &m, std::map<int, Guard>::iterator it) {
  if (cond()) {
    m.erase(it);
    return (*it).second;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: iterator 'it' is used after 'erase'
    // CHECK-FIXES: {{^}}    auto value = std::move((*it).second);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    m.erase(it);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    return value;{{$}}
  }
  return Guard();
}

void passedScalar(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  use(it->second + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  auto value = it->second;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  use(value + 1);{{$}}
}

void declaredFrom(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  int ttl = it->second.ttl;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  auto value = std::move(it->second);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int ttl = value.ttl;{{$}}
  use(ttl);
}

void byConstReference(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  auto value = std::move(it->second);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  use(value);{{$}}
}

// Reported with a note, not rewritten.

int twoReads(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->first + it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'it' is invalidated by this 'erase' of 'm'; take what is needed from it first
  // CHECK-FIXES: {{^}}  return it->first + it->second;{{$}}
}

// i2pd e77f6258 (TunnelPool.cpp): the value is read again one statement
// later; taking it out for the first read would leave the second dangling.
void readAgainLater(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  if (it != m.end()) {
    m.erase(it);
    use(it->second.ttl);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: iterator 'it' is used after 'erase'
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'it' is invalidated by this 'erase' of 'm'; take what is needed from it first
    // CHECK-FIXES: {{^}}    use(it->second.ttl);{{$}}
    use(it->second.user.size());
  }
}

int readsKey(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->first;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return it->first;{{$}}
}

Session &returnsReference(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return it->second;{{$}}
}

void passedByReference(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  consume(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  consume(it->second);{{$}}
}

void destructedNotReturned(std::map<int, Guard> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  use(it->second);{{$}}
}

int notCopyable(std::map<int, Pinned> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second.id;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return it->second.id;{{$}}
}

int nameTaken(std::map<int, int> &m, int k, int value) {
  auto it = m.find(k);
  m.erase(it);
  return it->second + value;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return it->second + value;{{$}}
}

int notRightAfter(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  use(0);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return it->second;{{$}}
}

int erasedByKey(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(k);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return it->second;{{$}}
}

int conditionalRead(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  if (cond())
    return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}    return it->second;{{$}}
  return 0;
}

int setElement(std::set<int> &s) {
  auto it = s.begin();
  s.erase(it);
  return *it;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return *it;{{$}}
}

#define SECOND(it) it->second
int readInMacro(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return SECOND(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  return SECOND(it);{{$}}
}

int extracted(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto node = m.extract(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'extract'
  // CHECK-FIXES: {{^}}  return it->second;{{$}}
}

// Correct code that looks alike: no warning.

int takenFirst(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto value = std::move(it->second);
  m.erase(it);
  return value;
}

Session movedFirst(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  Session s = std::move(it->second);
  m.erase(it);
  return s;
}

int readThroughReturned(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  it = m.erase(it);
  return it == m.end() ? 0 : it->second;
}

int readAnother(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto other = m.find(k + 1);
  m.erase(it);
  return other->second;
}

int erasedOtherMap(std::map<int, int> &m, std::map<int, int> &n, int k) {
  auto it = m.find(k);
  n.erase(k);
  return it->second;
}

int erasedAfterRead(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  int v = it->second;
  m.erase(it);
  return v;
}

int nodeKeepsValue(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto node = m.extract(it);
  return node.mapped();
}

int readOnOtherBranch(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (cond()) {
    m.erase(it);
    return 0;
  }
  return it->second;
}
