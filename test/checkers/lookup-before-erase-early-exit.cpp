// RUN: %check_clang_tidy -std=c++17-or-later -strict-whitespace %s safedelete-lookup-before-erase %t

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

void use(int);
void notify(int);
struct NotFound {};

// ===== Flagged: a lookup that only leaves early, right before the erase =====

void notCountReturn(std::map<int, int> &m1, int k) {
  if (!m1.count(k)) return;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: redundant lookup in 'm1' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES:{{^}}  if (!m1.erase(k)) return;{{$}}
  // CHECK-FIXES:{{^}}  notify(k);{{$}}
  m1.erase(k);
  notify(k);
}

bool countZeroReturnFalse(std::set<int> &s2, int k) {
  if (s2.count(k) == 0)
    return false;
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: redundant lookup in 's2'
  // CHECK-FIXES:{{^}}  if (!s2.erase(k)){{$}}
  // CHECK-FIXES-NEXT:{{^}}    return false;{{$}}
  s2.erase(k);
  return true;
}

void notContainsContinue(std::unordered_set<int> &us3, const std::set<int> &keys) {
  for (int k : keys) {
    if (!us3.contains(k)) {
      continue;
    }
    // CHECK-MESSAGES: :[[@LINE-3]]:14: warning: redundant lookup in 'us3'
    // CHECK-FIXES:{{^}}    if (!us3.erase(k)) {{{$}}
    us3.erase(k);
    use(k);
  }
}

void findEqualsEndThrow(std::unordered_map<std::string, int> *p4, const std::string &name) {
  if (p4->find(name) == p4->end())
    throw NotFound{};
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: redundant lookup in 'p4'
  // CHECK-FIXES:{{^}}  if (!p4->erase(name)){{$}}
  p4->erase(name);
}

void endEqualsFindBreak(std::map<int, int> &m5, int k) {
  while (true) {
    if (m5.end() == m5.find(k)) break;
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: redundant lookup in 'm5'
    // CHECK-FIXES:{{^}}    if (!m5.erase(k)) break;{{$}}
    m5.erase(k);
    --k;
  }
}

// Erasing every element with the key is what erase(key) does on a multiset.
int multisetCount(std::multiset<int> &ms6, int k) {
  if (0 == ms6.count(k)) return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: redundant lookup in 'ms6'
  // CHECK-FIXES:{{^}}  if (!ms6.erase(k)) return -1;{{$}}
  ms6.erase(k);
  return 0;
}

// The iterator the lookup made is right there: erase through it.
void iterEqualsEnd(std::map<int, int> &m7, int k) {
  auto it7 = m7.find(k);
  if (it7 == m7.end()) return;
  m7.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'erase' repeats the lookup in 'm7' that 'find' already made; erase through 'it7' [safedelete-lookup-before-erase]
  // CHECK-FIXES:{{^}}  m7.erase(it7);{{$}}
}

bool endEqualsIterBraced(std::unordered_map<int, std::string> &u8, int k) {
  const auto it8 = u8.find(k);
  if (u8.end() == it8) {
    return false;
  }
  u8.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'erase' repeats the lookup in 'u8'
  // CHECK-FIXES:{{^}}  u8.erase(it8);{{$}}
  return true;
}

struct Registry9 {
  std::map<std::string, int> byName9;
  void drop(const std::string &n) {
    if (!byName9.count(n)) return;
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: redundant lookup in 'byName9'
    // CHECK-FIXES:{{^}}    if (!byName9.erase(n)) return;{{$}}
    byName9.erase(n);
  }
};

template <typename K>
void inTemplate(std::map<K, int> &m10, const K &k) {
  if (!m10.count(k)) return;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: redundant lookup in 'm10'
  // CHECK-FIXES:{{^}}  if (!m10.erase(k)) return;{{$}}
  m10.erase(k);
}
template void inTemplate<int>(std::map<int, int> &, const int &);

// Regression: removing the erase line took one blank of the next line with
// it (clang's removal adjustment), in both forms.
void eraseThenMoreKeepsIndentation(std::map<int, int> &m11, int k) {
  if (m11.count(k)) {
    m11.erase(k);
    notify(k);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:11: warning: redundant lookup in 'm11'
  // CHECK-FIXES:{{^}}  if (m11.erase(k)) {{{$}}
  // CHECK-FIXES-NEXT:{{^}}    notify(k);{{$}}
  // CHECK-FIXES-NEXT:{{^}}  }{{$}}
}

// ===== Silent look-alikes =====

// Correct: erasing through the iterator the lookup returned.
void eraseThroughIter(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end()) return;
  m.erase(it);
}

// Another container, another key, or a statement in between.
void otherContainer(std::map<int, int> &a, std::map<int, int> &b, int k) {
  if (!a.count(k)) return;
  b.erase(k);
}
void otherKey(std::map<int, int> &m, int k, int j) {
  if (!m.count(k)) return;
  m.erase(j);
}
void statementBetween(std::map<int, int> &m, int k) {
  if (!m.count(k)) return;
  use(m[k]);
  m.erase(k);
}

// The then-branch does more than leave, or does not leave at all.
void thenDoesMore(std::map<int, int> &m, int k) {
  if (!m.count(k)) { use(k); return; }
  m.erase(k);
}
void thenDoesNotLeave(std::map<int, int> &m, int k) {
  if (!m.count(k)) use(k);
  m.erase(k);
}

// A positive test followed by an erase outside the if: not a guard.
void positiveTest(std::map<int, int> &m, int k) {
  if (m.count(k)) return;
  m.erase(k);
}

// An else branch, an init-statement, a condition variable.
void withElse(std::map<int, int> &m, int k) {
  if (!m.count(k)) return; else use(k);
  m.erase(k);
}
void withInit(std::map<int, int> &m, int k) {
  if (int n = 0; !m.count(k + n)) return;
  m.erase(k);
}

// The erase's result is used, or the erase is not a statement of its own.
int resultUsed(std::map<int, int> &m, int k) {
  if (!m.count(k)) return 0;
  auto n = m.erase(k);
  return static_cast<int>(n);
}

// A count that is not a presence test on a multimap.
void countIsOneMulti(std::multimap<int, int> &mm, int k) {
  if (mm.count(k) != 1) return;
  mm.erase(k);
}

// The iterator form on a multimap: erase(it) would remove one element only.
void iterMulti(std::multimap<int, int> &mm, int k) {
  auto it = mm.find(k);
  if (it == mm.end()) return;
  mm.erase(k);
}

// The iterator is not declared right before the if.
void iterDeclaredEarlier(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  use(k);
  if (it == m.end()) return;
  m.erase(k);
}

// The if is the body of another statement, not a statement of the block.
void nestedIf(std::map<int, int> &m, int k, bool b) {
  if (b)
    if (!m.count(k)) return;
  m.erase(k);
}

// Keys or containers with side effects.
int next();
void sideEffectKey(std::map<int, int> &m) {
  if (!m.count(next())) return;
  m.erase(next());
}

// Macros are the macro's business.
#define LEAVE_IF_ABSENT(c, k) if (!(c).count(k)) return
void inMacro(std::map<int, int> &m, int k) {
  LEAVE_IF_ABSENT(m, k);
  m.erase(k);
}
#define DROP(c, k) (c).erase(k)
void eraseInMacro(std::map<int, int> &m, int k) {
  if (!m.count(k)) return;
  DROP(m, k);
}

// Not a container the check knows.
struct Cache {
  int count(int) const;
  void erase(int);
};
void unknownType(Cache &c, int k) {
  if (!c.count(k)) return;
  c.erase(k);
}
