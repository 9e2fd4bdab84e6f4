// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-lookup-before-erase %t

#include <iterator>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <absl/container/flat_hash_map.h>
#include <llvm/ADT/DenseMap.h>

void use(int);
bool flag();

// ===== Flagged: a lookup whose only job is to guard the erase =====

void countTruthy(std::map<int, int> &m1, int k) {
  if (m1.count(k)) m1.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'm1' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: m1.erase(k);
}

void countGreaterThanZeroBraced(std::set<int> &s2, int k) {
  if (s2.count(k) > 0) {
    s2.erase(k);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: redundant lookup in 's2'
  // CHECK-FIXES: s2.erase(k);
}

void countNotZero(std::unordered_map<int, int> &u3, int k) {
  if (u3.count(k) != 0)
    u3.erase(k);
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: redundant lookup in 'u3'
  // CHECK-FIXES: u3.erase(k);
}

void countAtLeastOne(std::unordered_set<int> &us4, int k) {
  if (us4.count(k) >= 1) us4.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: redundant lookup in 'us4'
  // CHECK-FIXES: us4.erase(k);
}

// Erasing every element with the key is what erase(key) does on a multimap.
void zeroLessThanCountMulti(std::multimap<int, int> &mm5, int k) {
  if (0 < mm5.count(k)) mm5.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: redundant lookup in 'mm5'
  // CHECK-FIXES: mm5.erase(k);
}

// A key occurs at most once in a map: `== 1` is a presence test there.
void countIsOneUnique(std::map<int, int> &m27, std::unordered_set<int> &us28, int k) {
  if (m27.count(k) == 1) m27.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: redundant lookup in 'm27'
  // CHECK-FIXES: m27.erase(k);
  if (1 == us28.count(k)) { us28.erase(k); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: redundant lookup in 'us28'
  // CHECK-FIXES: us28.erase(k);
}

void findNotEnd(std::map<int, int> &m6, int k) {
  if (m6.find(k) != m6.end()) m6.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'm6'
  // CHECK-FIXES: m6.erase(k);
}

void endNotFindCend(std::set<int> &s7, int k) {
  if (s7.cend() != s7.find(k)) { s7.erase(k); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: redundant lookup in 's7'
  // CHECK-FIXES: s7.erase(k);
}

void findNotStdEnd(std::map<int, int> &m8, int k) {
  if (m8.find(k) != std::end(m8)) m8.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'm8'
  // CHECK-FIXES: m8.erase(k);
}

void voidCastErase(std::map<int, int> &m9, int k) {
  if (m9.count(k)) (void)m9.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'm9'
  // CHECK-FIXES: (void)m9.erase(k);
}

class SessionTable {
public:
  void drop(int id) {
    if (sessions_.count(id)) sessions_.erase(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: redundant lookup in 'sessions_'
    // CHECK-FIXES: sessions_.erase(id);
  }
  void dropExplicitThis(int id) {
    if (this->byName_.count(id)) this->byName_.erase(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: redundant lookup in 'this->byName_'
    // CHECK-FIXES: this->byName_.erase(id);
  }
  // `this->x` and `x` are the same member.
  void dropMixedThis(int id) {
    if (this->sessions_.count(id)) sessions_.erase(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: redundant lookup in 'this->sessions_'
    // CHECK-FIXES: sessions_.erase(id);
  }
  std::map<int, int> sessions_;
  std::unordered_map<int, int> byName_;
};

struct Request {
  int id() const;
  int key;
};

void memberOfOtherObject(SessionTable &t, const Request &r) {
  if (t.sessions_.count(r.key)) t.sessions_.erase(r.key);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: redundant lookup in 't.sessions_'
  // CHECK-FIXES: t.sessions_.erase(r.key);
}

void throughPointer(SessionTable *p, std::map<int, int> *pm, const Request &r) {
  if (p->sessions_.count(r.id())) p->sessions_.erase(r.id());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: redundant lookup in 'p->sessions_'
  // CHECK-FIXES: p->sessions_.erase(r.id());
  if (pm->count(r.key)) pm->erase(r.key);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: redundant lookup in 'pm'
  // CHECK-FIXES: pm->erase(r.key);
}

void stringKeys(std::map<std::string, int> &names, const std::string &s) {
  if (names.count("root")) names.erase("root");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: redundant lookup in 'names'
  // CHECK-FIXES: names.erase("root");
  if (names.find(s) != names.end()) names.erase(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: redundant lookup in 'names'
  // CHECK-FIXES: names.erase(s);
}

using SessionMap = std::unordered_map<int, std::string>;
struct DerivedMap : std::map<int, int> {};

void aliasesAndDerived(SessionMap &alias10, DerivedMap &derived11, int k) {
  if (alias10.count(k)) alias10.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: redundant lookup in 'alias10'
  // CHECK-FIXES: alias10.erase(k);
  auto &ref12 = alias10;
  if (ref12.count(k)) ref12.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: redundant lookup in 'ref12'
  // CHECK-FIXES: ref12.erase(k);
  if (derived11.count(k)) derived11.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: redundant lookup in 'derived11'
  // CHECK-FIXES: derived11.erase(k);
}

void otherLibraries(absl::flat_hash_map<int, int> &fh13, llvm::DenseMap<int, int> &dm14, int k) {
  if (fh13.count(k)) fh13.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: redundant lookup in 'fh13'
  // CHECK-FIXES: fh13.erase(k);
  if (dm14.find(k) != dm14.end()) dm14.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: redundant lookup in 'dm14'
  // CHECK-FIXES: dm14.erase(k);
}

void inLambdaAndSwitch(std::map<int, int> &m15, int k, int op) {
  auto drop = [&m15](int key) {
    if (m15.count(key)) m15.erase(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: redundant lookup in 'm15'
    // CHECK-FIXES: m15.erase(key);
  };
  drop(k);
  switch (op) {
  case 1:
    if (m15.count(k + 1)) m15.erase(k + 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: redundant lookup in 'm15'
    // CHECK-FIXES: m15.erase(k + 1);
    break;
  }
}

#define SESSION_KEY 42
void keyFromMacro(std::map<int, int> &m16) {
  if (m16.count(SESSION_KEY)) m16.erase(SESSION_KEY);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: redundant lookup in 'm16'
  // CHECK-FIXES: m16.erase(SESSION_KEY);
}

// A non-dependent container inside a template is checked once, in the
// template itself.
std::map<int, int> Registry17;
template <class T> void templateWithConcreteMap(T value, int k) {
  use(value.key);
  if (Registry17.count(k)) Registry17.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: redundant lookup in 'Registry17'
  // CHECK-FIXES: Registry17.erase(k);
}
void instantiate(Request r) { templateWithConcreteMap(r, 1); }

// ===== Flagged, erase comes first and the branch does more =====

bool eraseReturnsTrue(std::map<int, int> &m18, int k) {
  if (m18.count(k)) {
    m18.erase(k);
    return true;
  }
  return false;
  // CHECK-MESSAGES: :[[@LINE-5]]:11: warning: redundant lookup in 'm18'
  // CHECK-FIXES: return m18.erase(k) != 0;
}

bool eraseReturnsFalse(std::set<int> &s19, int k) {
  if (s19.find(k) != s19.end()) { s19.erase(k); return false; }
  return true;
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: redundant lookup in 's19'
  // CHECK-FIXES: return s19.erase(k) == 0;
}

// llvm::DenseMap::erase returns bool; the rewrite still reads right.
bool denseReturn(llvm::DenseMap<int, int> &dm20, int k) {
  if (dm20.count(k)) { dm20.erase(k); return true; }
  return false;
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: redundant lookup in 'dm20'
  // CHECK-FIXES: return dm20.erase(k) != 0;
}

void eraseThenMore(std::map<int, int> &m21, int k) {
  if (m21.count(k)) {
    m21.erase(k);
    use(k);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:11: warning: redundant lookup in 'm21'
  // CHECK-FIXES: if (m21.erase(k)) {
  // CHECK-FIXES-NEXT: use(k);
  // CHECK-FIXES-NEXT: }
}

// The if is the body of another statement: the `return false;` after it is
// not its neighbour, so only the condition is rewritten.
bool nestedIfs(std::map<int, int> &m26, int k, bool gate) {
  if (gate) if (m26.count(k)) { m26.erase(k); return true; }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: redundant lookup in 'm26'
  // CHECK-FIXES: if (gate) if (m26.erase(k)) { return true; }
  if (!gate) {
    use(k);
  } else if (m26.find(k) != m26.end()) {
    m26.erase(k);
    return true;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:18: warning: redundant lookup in 'm26'
  // CHECK-FIXES: } else if (m26.erase(k)) {
  // CHECK-FIXES-NEXT: return true;
  return false;
}

// ===== Flagged: the find result guards an erase by key =====

void findIteratorThenEraseKey(std::map<int, int> &m22, int k) {
  auto it22 = m22.find(k);
  if (it22 != m22.end()) m22.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'erase' repeats the lookup in 'm22' that 'find' already made; erase through 'it22' [safedelete-lookup-before-erase]
  // CHECK-FIXES: if (it22 != m22.end()) m22.erase(it22);
}

void findIteratorUseThenErase(std::map<int, int> &m23, int k) {
  auto it23 = m23.find(k); // a comment between is fine
  if (it23 != m23.end()) {
    it23->second = 0;
    m23.erase(k);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'erase' repeats the lookup in 'm23'
  // CHECK-FIXES: m23.erase(it23);
}

// A call before the erase could change the map: warn, but offer no fix.
void findIteratorCallThenErase(std::map<int, int> &m24, int k) {
  auto it24 = m24.find(k);
  if (it24 != m24.end()) {
    use(it24->second);
    m24.erase(k);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'erase' repeats the lookup in 'm24'
  // CHECK-FIXES: m24.erase(k);
}

// On a multimap erase(it) removes one element, erase(k) all of them: the
// find is what is redundant, and removing it is left to the reader.
void findIteratorMulti(std::multimap<int, int> &mm25, int k) {
  auto it25 = mm25.find(k);
  if (it25 != mm25.end()) mm25.erase(k);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: redundant lookup in 'mm25' before erase
  // CHECK-FIXES: if (it25 != mm25.end()) mm25.erase(k);
}

// ===== Silent: look-alikes that are correct or not provably redundant =====

void differentKey(std::map<int, int> &m, int k, int j) {
  if (m.count(k)) m.erase(j);
  if (m.find(k) != m.end()) m.erase(k + 1);
}

void differentContainer(std::map<int, int> &a, std::map<int, int> &b, int k) {
  if (a.count(k)) b.erase(k);
  if (a.find(k) != b.end()) a.erase(k);
  if (a.find(k) != std::end(b)) a.erase(k);
  if (a.find(k) != std::cend(b)) a.erase(k);
}

int nextKey();
void keyWithSideEffects(std::map<int, int> &m, int k, volatile int v) {
  if (m.count(k++)) m.erase(k++);
  if (m.count(nextKey())) m.erase(nextKey());
  if (m.count(int(v))) m.erase(int(v));
}

void branchUsesTheElementFirst(std::map<int, int> &m, int k) {
  if (m.count(k)) {
    use(m.at(k));
    m.erase(k);
  }
}

void withElse(std::map<int, int> &m, int k) {
  if (m.count(k))
    m.erase(k);
  else
    use(k);
}

void eraseResultUsed(std::map<int, int> &m, int k) {
  unsigned long n = 0;
  if (m.count(k)) n = m.erase(k);
  use(static_cast<int>(n));
}

void lookupResultKept(std::map<int, int> &m, int k) {
  unsigned long n = m.count(k);
  if (n) m.erase(k);
  use(static_cast<int>(n));
  auto it = m.find(k);
  if (it != m.end()) m.erase(it);
}

void notAPresenceTest(std::multimap<int, int> &mm, std::map<int, int> &m, int k) {
  if (mm.count(k) > 1) mm.erase(k);
  if (mm.count(k) == 1) mm.erase(k);
  if (m.count(k) == 0) m.erase(k);
  if (m.count(k) == 2) m.erase(k);
  if (!m.count(k)) m.erase(k);
  if (m.count(k) && flag()) m.erase(k);
  while (m.count(k)) m.erase(k);
}

void initStatementAndNesting(std::map<int, int> &m, int k) {
  if (auto n = m.count(k); n) m.erase(k);
  if (m.count(k)) {
    if (flag()) m.erase(k);
  }
}

void eraseFromTheElement(std::map<int, std::set<int>> &ms, int k, int x) {
  if (ms.count(k)) ms.at(k).erase(x);
}

std::map<int, int> &tableFor(int shard);
void containerFromACall(int k) {
  if (tableFor(1).count(k)) tableFor(1).erase(k);
}

void iteratorDeclaredEarlier(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  k = nextKey();
  if (it != m.end()) m.erase(k);
}

void iteratorEraseOtherKey(std::map<int, int> &m, int k, int j) {
  auto it = m.find(k);
  if (it != m.end()) m.erase(j);
}

struct NotAContainer {
  int count(int) const;
  void erase(int);
};
void unknownType(NotAContainer &c, int k) {
  if (c.count(k)) c.erase(k);
}

#define ERASE_IF_PRESENT(c, k) if ((c).count(k)) (c).erase(k)
void fromMacro(std::map<int, int> &m, int k) {
  ERASE_IF_PRESENT(m, k);
}

// A template over any Map, instantiated only with std::map: flagged since
// issue 12 (see lookup-before-erase-instantiated.cpp).
template <class Map, class Key> void dependent(Map &m, const Key &k) {
  if (m.count(k)) m.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'm' before erase
  // CHECK-FIXES: m.erase(k);
}
void instantiateDependent(std::map<int, int> &m) { dependent(m, 1); }

// More look-alikes that must stay silent.
struct Queue {
  int take();
  int peek() const;
};
void moreLookAlikes(std::map<int, int> &m, std::map<int, int> *pm, std::set<int> &s,
                    SessionTable &t1, SessionTable &t2, Queue &q, Request &r, int k) {
  if (m.count(k)) { m.erase(k); } else {}
  auto copy = m;
  if (m.count(k)) copy.erase(k);
  if (m.count(k)) m.erase(m.find(k));
  if (m.count(k)) m.erase(k), use(k);
  if (m.count(k) > 0 || flag()) m.erase(k);
  if (m.find(k) == m.end()) m.erase(k);
  if (s.count(k)) s.insert(k);
  if (m.count(k)) m.clear();
  if (m.count(r.key)) m.erase(r.id());
  if (m.count(q.take())) m.erase(q.take());
  if (t1.sessions_.count(k)) t2.sessions_.erase(k);
  if ((*pm).count(k)) pm->erase(k);
  if (m.count(k) > 2) m.erase(k);
  if (m.count(k)) {
    use(q.peek());
    m.erase(k);
  }
}

int lookupResultReturned(std::map<int, int> &m, std::map<int, int> &other, int k) {
  auto it = other.find(k);
  if (it != m.end()) m.erase(k);
  if (m.count(k)) return static_cast<int>(m.erase(k));
  return 0;
}
