// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <map>
#include <unordered_map>
#include <vector>

struct Session {
  int ttl;
};
void use(int);
void use(const Session &);
bool cond();

// References and pointers into an element, then the element is erased.

void referenceThenEraseKey(std::map<int, Session> &m, int k) {
  auto &s = m[k];
  m.erase(k);
  use(s.ttl);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 's' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 's' is invalidated by this 'erase' of 'm'
}

void atThenEraseKey(std::unordered_map<int, Session> &m, int k) {
  const Session &s = m.at(k);
  m.erase(k);
  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 's' is used after 'erase'
}

void findDerefThenErase(std::map<int, Session> &m, int k) {
  auto &entry = *m.find(k);
  m.erase(k);
  use(entry.second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'entry' is used after 'erase'
}

void secondThenEraseIterator(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  Session &s = it->second;
  m.erase(it);
  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 's' is used after 'erase'
}

void pointerThenErase(std::map<int, Session> &m, int k) {
  Session *p = &m[k];
  m.erase(k);
  use(p->ttl);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: pointer 'p' is used after 'erase'
}

void pointerToSecond(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  int *ttl = &it->second.ttl;
  m.erase(it);
  use(*ttl);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'ttl' is used after 'erase'
}

void referenceThenClear(std::map<int, Session> &m, int k) {
  Session &s = m[k];
  m.clear();
  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 's' is used after 'clear'
}

void referenceThenAssign(std::map<int, Session> &m, int k) {
  Session &s = m[k];
  m = std::map<int, Session>();
  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 's' is used after 'operator='
}

void memberContainer(int k);
class Registry {
public:
  void drop(int k) {
    Session &s = sessions_[k];
    sessions_.erase(k);
    use(s);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: reference 's' is used after 'erase'
  }

private:
  std::map<int, Session> sessions_;
};

// Contiguous containers: the erased position, and everything after any
// reallocation.
void vectorErase(std::vector<int> &v) {
  auto it = v.begin();
  v.erase(it);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'it' is used after 'erase'
}

void vectorPushBack(std::vector<int> &v) {
  int &first = v[0];
  v.push_back(1);
  use(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'first' is used after 'push_back' invalidated it
}

void vectorClear(std::vector<Session> &v) {
  Session *p = &v[0];
  v.clear();
  use(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: pointer 'p' is used after 'clear'
}

void vectorResize(std::vector<int> &v) {
  int &last = v[3];
  v.resize(10);
  use(last);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'last' is used after 'resize'
}

// Correct code that looks alike: no warning.

void copyBeforeErase(std::map<int, Session> &m, int k) {
  Session s = m[k];
  m.erase(k);
  use(s);
}

void valueTakenBefore(std::map<int, Session> &m, int k) {
  auto it = m.find(k);
  int ttl = it->second.ttl;
  m.erase(it);
  use(ttl);
}

void otherLiteralKey(std::map<int, Session> &m) {
  Session &s = m[1];
  m.erase(2);
  use(s);
}

void otherVariableKey(std::map<int, Session> &m, int a, int b) {
  Session &s = m[a];
  m.erase(b);
  use(s);
}

void unorderedEraseOtherKey(std::unordered_map<int, Session> &m, int a) {
  Session &s = m[a];
  m.erase(a + 1);
  use(s);
}

void unorderedInsertKeepsReferences(std::unordered_map<int, Session> &m, int k) {
  Session &s = m[k];
  m[k + 1] = Session();
  use(s);
}

void referenceToOtherContainer(std::map<int, Session> &m,
                               std::map<int, Session> &other, int k) {
  Session &s = other[k];
  m.erase(k);
  m.clear();
  use(s);
}

void keyWithSideEffects(std::map<int, Session> &m, int k) {
  Session &s = m[k++];
  m.erase(k++);
  use(s);
}

void referenceRefreshed(std::map<int, Session> &m, int n) {
  for (int i = 0; i < n; ++i) {
    Session &s = m[i];
    use(s);
    m.erase(i);
  }
}

void pointerReassigned(std::map<int, Session> &m, Session *fallback, int k) {
  Session *p = &m[k];
  m.erase(k);
  p = fallback;
  use(*p);
}

void vectorReserveBefore(std::vector<int> &v) {
  v.reserve(10);
  int &first = v[0];
  use(first);
}

void vectorIndexKept(std::vector<int> &v) {
  unsigned long i = 0;
  v.push_back(1);
  use(v[i]);
}

void vectorEraseEarlierPositionUnknown(std::vector<int> &v) {
  int &first = v[0];
  v.erase(v.begin() + 1);
  use(first);
}

void vectorReadOnly(std::vector<int> &v) {
  int &first = v[0];
  use(static_cast<int>(v.size()));
  use(first);
}
