// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t -- -config="{CheckOptions: [{key: safedelete-erase-during-iteration.FixMode, value: iterator-loop}]}"

#include <algorithm>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

bool expired(int);
bool stale(int, int);
void use(int);
void log(const char *);
[[noreturn]] void fatal();

// ===== Flagged: range-for over the container the body erases from =====

void rangeForMapKey(std::map<int, int> &sessions) {
  for (auto &kv : sessions)
    if (expired(kv.second))
      sessions.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' on 'sessions' inside a loop over 'sessions' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-FIXES: for (auto it = sessions.begin(); it != sessions.end();) {
  // CHECK-FIXES:   if (expired(it->second))
  // CHECK-FIXES:     it = sessions.erase(it);
}

void rangeForStructuredBinding(std::unordered_map<int, int> &byId) {
  for (const auto &[id, deadline] : byId) {
    if (stale(id, deadline)) {
      byId.erase(id);
    }
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:12: warning: 'erase' on 'byId'
  // CHECK-FIXES:   if (stale(it->first, it->second))
}

void rangeForSet(std::set<int> &ids) {
  for (const int &id : ids)
    if (expired(id))
      ids.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'ids'
  // CHECK-FIXES:   if (expired((*it)))
}

void rangeForEraseThenWork(std::map<int, int> &m1) {
  for (auto &kv : m1) {
    if (expired(kv.second)) {
      m1.erase(kv.first);
      log("erased");
    }
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:10: warning: 'erase' on 'm1'
}

void rangeForClear(std::map<int, int> &m2) {
  for (auto &kv : m2)
    if (kv.second < 0)
      m2.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'clear' on 'm2'
}

void rangeForCommaExpression(std::map<int, int> &m3) {
  for (auto &kv : m3)
    use(kv.second), m3.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'erase' on 'm3'
}

void rangeForListRemove(std::list<int> &l1) {
  for (int x : l1)
    if (x < 0)
      l1.remove(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'remove' on 'l1'
}

void rangeForListPopFront(std::list<int> &l2) {
  for (int x : l2)
    if (x == 0)
      l2.pop_front();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'pop_front' on 'l2'
}

void rangeForVectorPopBack(std::vector<int> &v1) {
  for (int x : v1)
    if (x == 0)
      v1.pop_back();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'pop_back' on 'v1'
}

void rangeForVectorResize(std::vector<int> &v2) {
  for (int x : v2)
    if (x == 0)
      v2.resize(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'resize' on 'v2'
}

void rangeForAssignEmpty(std::map<int, int> &m4) {
  for (auto &kv : m4)
    if (kv.second == 0)
      m4 = {};
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'operator=' on 'm4'
}

void rangeForSwap(std::map<int, int> &m5, std::map<int, int> &other) {
  for (auto &kv : m5)
    if (kv.second == 0)
      other.swap(m5);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'swap' on 'other'
}

void rangeForStdSwap(std::map<int, int> &m6, std::map<int, int> &other) {
  for (auto &kv : m6)
    if (kv.second == 0)
      std::swap(m6, other);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::swap' on 'm6'
}

struct Registry {
  std::map<int, int> entries_;
  std::set<int> ids;
  void purgeMember();
  void purgeThis();
  void purgeOther(Registry &other);
};

void Registry::purgeMember() {
  for (auto &kv : entries_)
    if (expired(kv.second))
      entries_.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' on 'entries_'
  // CHECK-FIXES: for (auto it = entries_.begin(); it != entries_.end();) {
}

void Registry::purgeThis() {
  for (auto &kv : this->entries_) {
    if (kv.second > 10)
      entries_.erase(kv.first);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'erase' on 'entries_' inside a loop over 'this->entries_'
  // CHECK-FIXES: for (auto it = this->entries_.begin(); it != this->entries_.end();) {
}

void throughObject(Registry &reg) {
  for (int id : reg.ids)
    if (expired(id))
      reg.ids.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' on 'reg.ids'
}

void throughPointer(Registry *reg) {
  for (int id : reg->ids)
    if (stale(id, 1))
      reg->ids.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' on 'reg->ids'
}

void throughReferenceAlias(std::map<int, int> &m7) {
  auto &alias = m7;
  for (auto &kv : m7)
    if (kv.second == 1)
      alias.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'erase' on 'alias' inside a loop over 'm7'
}

void throughPointerAlias(std::map<int, int> &m8) {
  std::map<int, int> *p = &m8;
  for (auto &kv : *p)
    if (kv.second == 2)
      m8.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 'm8' inside a loop over '*p'
}

void throughPointerArrow(std::set<int> *ps) {
  for (const int &x : *ps)
    if (x == 3)
      ps->erase(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'ps' inside a loop over '*ps'
  // CHECK-FIXES: for (auto it = (*ps).begin(); it != (*ps).end();) {
}

void continueAfterErase(std::map<int, int> &m9) {
  for (auto &kv : m9) {
    if (kv.second == 4) {
      m9.erase(kv.first);
      continue;
    }
    use(kv.second);
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:10: warning: 'erase' on 'm9'
}

void breakOnOnePathOnly(std::map<int, int> &m10, bool once) {
  for (auto &kv : m10) {
    m10.erase(kv.first);
    if (once)
      break;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:9: warning: 'erase' on 'm10'
}

void rangeForEraseFound(std::map<int, int> &m20) {
  for (auto &kv : m20)
    if (kv.second == 5)
      m20.erase(m20.find(kv.first));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'm20'
}

void rangeForListRemoveIf(std::list<int> &l6) {
  for (int x : l6)
    l6.remove_if([&](int y) { return y == x + 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'remove_if' on 'l6'
}

void rangeForVectorEraseOther(std::vector<int> &v10) {
  for (int x : v10)
    if (x == 0)
      v10.erase(v10.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'v10'
}

// ===== Flagged: member functions that modify the iterated member =====

class Pool {
  std::map<int, int> conns_;
  void drop(int id) { conns_.erase(id); }
  void reset() { this->conns_.clear(); }
  void resetViaHelper() { reset(); }
  void inspect(int id) { use(static_cast<int>(conns_.count(id))); }
  void external(int id);

public:
  void sweep() {
    for (auto &kv : conns_)
      if (kv.second == 0)
        drop(kv.first);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'drop' modifies 'conns_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  }
  void sweepAll() {
    for (auto &kv : this->conns_)
      if (kv.second < 0)
        this->resetViaHelper();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'resetViaHelper' modifies 'this->conns_'
  }
  void sweepOtherKey(int k) {
    for (auto &kv : conns_)
      if (kv.second == k)
        drop(k);
  }
  void readOnly() {
    for (auto &kv : conns_)
      inspect(kv.first);
  }
  void resetThenBreak() {
    for (auto &kv : conns_)
      if (kv.second > 100) {
        reset();
        break;
      }
  }
  void notDefinedHere() {
    for (auto &kv : conns_)
      external(kv.first);
  }
};

// ===== Flagged: insertions that may invalidate every iterator =====

void pushBackWhileIterating(std::vector<int> &v4) {
  for (int x : v4)
    if (x > 0)
      v4.push_back(-x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'push_back' on 'v4' inside a loop over 'v4' may invalidate the loop's iterator [safedelete-erase-during-iteration]
}

void emplaceBackWhileIterating(std::vector<int> &v5) {
  for (int x : v5)
    if (x > 1)
      v5.emplace_back(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'emplace_back' on 'v5'
}

void reserveWhileIterating(std::vector<int> &v6) {
  for (int x : v6)
    v6.reserve(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'reserve' on 'v6'
}

void dequePushFront(std::deque<int> &d1) {
  for (int x : d1)
    if (x > 2)
      d1.push_front(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'push_front' on 'd1'
}

void unorderedInsert(std::unordered_map<int, int> &u1) {
  for (auto &kv : u1)
    u1.emplace(kv.first + 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'emplace' on 'u1'
}

void unorderedSubscript(std::unordered_map<int, int> &u2) {
  for (auto &kv : u2)
    u2[kv.second] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'operator[]' on 'u2'
}

void unorderedRehash(std::unordered_set<int> &u3) {
  for (int x : u3)
    u3.rehash(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'rehash' on 'u3'
}

// ===== Flagged: iterator loops =====

void iteratorEraseNoResult(std::map<int, int> &m11) {
  for (auto it = m11.begin(); it != m11.end(); ++it) {
    if (expired(it->second))
      m11.erase(it);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'erase' on 'm11' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-FIXES: for (auto it = m11.begin(); it != m11.end();) {
  // CHECK-FIXES:     if (expired(it->second))
  // CHECK-FIXES:       it = m11.erase(it); else ++it;
}

void iteratorEraseKey(std::map<int, int> &m12) {
  for (auto it = m12.begin(); it != m12.end(); ++it)
    if (it->second == 0)
      m12.erase(it->first);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'm12' invalidates 'it'
}

void iteratorEraseElement(std::set<int> &s1) {
  for (auto it = s1.begin(); it != s1.end(); it++)
    if (*it == 0)
      s1.erase(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 's1' invalidates 'it'
}

void iteratorEraseThenUse(std::map<int, int> &m13) {
  for (auto it = m13.begin(); it != m13.end();) {
    m13.erase(it);
    use(it->second);
    it = m13.begin();
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:9: warning: 'erase' on 'm13' invalidates 'it'
}

void whileEraseNoResult(std::list<int> &l3) {
  auto it = l3.begin();
  while (it != l3.end()) {
    if (*it < 0)
      l3.erase(it);
    ++it;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: 'erase' on 'l3' invalidates 'it'
  // CHECK-FIXES:   while (it != l3.end()) {
  // CHECK-FIXES:     if (*it < 0)
  // CHECK-FIXES:       it = l3.erase(it); else ++it;
}

void hoistedEnd(std::map<int, int> &m14) {
  for (auto it = m14.begin(), end = m14.end(); it != end; ++it)
    if (it->second == 5)
      m14.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'm14' invalidates 'it'
}

void clearInIteratorLoop(std::map<int, int> &m15) {
  for (auto it = m15.begin(); it != m15.end(); ++it)
    if (it->second == 6)
      m15.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'clear' on 'm15' invalidates 'it'
}

void incrementAfterErase(std::map<int, int> &m16) {
  for (auto it = m16.begin(); it != m16.end(); ++it) {
    if (it->second == 7)
      it = m16.erase(it);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'erase' already moves 'it' to the next element; the increment that follows skips that element and can step past the end of 'm16' [safedelete-erase-during-iteration]
  // CHECK-FIXES: for (auto it = m16.begin(); it != m16.end();) {
  // CHECK-FIXES:       it = m16.erase(it); else ++it;
}

void whileIncrementAfterErase(std::map<int, int> &m17) {
  auto it = m17.begin();
  while (it != m17.end()) {
    if (it->first < 8) {
      use(it->second);
      it = m17.erase(it);
    }
    ++it;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:16: warning: 'erase' already moves 'it'
  // CHECK-FIXES:     } else ++it;
}

void vectorIncrementAfterErase(std::vector<int> &v7) {
  for (auto it = v7.begin(); it != v7.end(); ++it)
    if (*it == 9)
      it = v7.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' already moves 'it'
  // CHECK-FIXES: for (auto it = v7.begin(); it != v7.end();)
  // CHECK-FIXES:     if (*it == 9)
  // CHECK-FIXES:       it = v7.erase(it); else ++it;
}

void doWhileErase(std::set<int> &s2) {
  auto it = s2.begin();
  do {
    s2.erase(it);
    ++it;
  } while (it != s2.end());
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: 'erase' on 's2' invalidates 'it'
}

// ===== Flagged: erase(it++) on containers that shift their elements =====

void vectorPostIncrement(std::vector<int> &v8) {
  for (auto it = v8.begin(); it != v8.end();) {
    if (*it < 0)
      v8.erase(it++);
    else
      ++it;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:10: warning: 'erase(it++)' on 'v8' leaves 'it' invalid: erasing from a 'std::vector' invalidates the iterators after the erased element; use 'it = v8.erase(it)' [safedelete-erase-during-iteration]
  // CHECK-FIXES:       it = v8.erase(it);
}

void dequePostIncrement(std::deque<int> &d2) {
  auto it = d2.begin();
  while (it != d2.end())
    if (*it == 0)
      d2.erase(it++);
    else
      ++it;
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: 'erase(it++)' on 'd2' leaves 'it' invalid: erasing from a 'std::deque'
}

// ===== Flagged: std::for_each with a lambda that erases =====

void forEachClear(std::vector<int> &v9) {
  std::for_each(v9.begin(), v9.end(), [&](int x) {
    if (x < 0)
      v9.clear();
  });
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'clear' on 'v9' inside a loop over 'v9'
}

void forEachErase(std::set<int> &s3) {
  std::for_each(s3.begin(), s3.end(), [&s3](int x) {
    if (x > 100) {
      s3.erase(x);
      return;
    }
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:10: warning: 'erase' on 's3'
}

// ===== Flagged: templates, macros, lambdas =====

template <class Map> void purgeTemplate(Map &m) {
  for (auto &kv : m)
    if (kv.second == 0)
      m.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'm'
}
void instantiate(std::map<int, int> &a, std::unordered_map<int, int> &b) {
  purgeTemplate(a);
  purgeTemplate(b);
}

#define ERASE_FROM(c, k) (c).erase(k)
void eraseInMacro(std::map<int, int> &m18) {
  for (auto &kv : m18)
    if (kv.second == 3)
      ERASE_FROM(m18, kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'erase' on 'm18'
  // CHECK-FIXES:       ERASE_FROM(m18, kv.first);
}

void insideLambda(std::map<int, int> &m19) {
  auto purge = [&] {
    for (auto &kv : m19)
      if (kv.second == 4)
        m19.erase(kv.first);
  };
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: 'erase' on 'm19'
  purge();
}

// ===== Silent: correct idioms =====

void takesResultElseIncrements(std::map<int, int> &a1) {
  for (auto it = a1.begin(); it != a1.end();) {
    if (expired(it->second))
      it = a1.erase(it);
    else
      ++it;
  }
}

void incrementsElseTakesResult(std::map<int, int> &a2) {
  for (auto it = a2.begin(); it != a2.end();) {
    if (!expired(it->second))
      ++it;
    else
      it = a2.erase(it);
  }
}

void nodePostIncrement(std::map<int, int> &a3, std::list<int> &l4,
                       std::unordered_set<int> &u4) {
  for (auto it = a3.begin(); it != a3.end();)
    if (it->second == 0)
      a3.erase(it++);
    else
      ++it;
  for (auto it = l4.begin(); it != l4.end();)
    if (*it == 0)
      l4.erase(it++);
    else
      ++it;
  for (auto it = u4.begin(); it != u4.end();)
    if (*it == 0)
      u4.erase(it++);
    else
      ++it;
}

void breakAfterErase(std::map<int, int> &a4, int k) {
  for (auto &kv : a4) {
    if (kv.first == k) {
      a4.erase(kv.first);
      break;
    }
  }
}

bool returnAfterErase(std::set<int> &a5, int k) {
  for (int x : a5)
    if (x == k) {
      a5.erase(x);
      return true;
    }
  return false;
}

void throwAfterErase(std::map<int, int> &a6) {
  for (auto &kv : a6)
    if (kv.second < 0) {
      a6.clear();
      throw 1;
    }
}

void noreturnAfterErase(std::map<int, int> &a7) {
  for (auto &kv : a7)
    if (kv.second < 0) {
      a7.erase(kv.first);
      fatal();
    }
}

void gotoOutAfterErase(std::map<int, int> &a8) {
  for (auto &kv : a8) {
    if (kv.second < 0) {
      a8.erase(kv.first);
      goto done;
    }
  }
done:
  log("done");
}

void iteratorBreakAfterErase(std::map<int, int> &a9) {
  for (auto it = a9.begin(); it != a9.end(); ++it)
    if (it->second < 0) {
      a9.erase(it);
      break;
    }
}

void iterateCopy(std::map<int, int> &b1) {
  for (auto kv : std::map<int, int>(b1))
    if (kv.second == 0)
      b1.erase(kv.first);
}

void iterateSnapshot(std::map<int, int> &b2) {
  auto snapshot = b2;
  for (auto &kv : snapshot)
    if (kv.second == 0)
      b2.erase(kv.first);
}

void eraseFromAnother(std::map<int, int> &b3, std::map<int, int> &b4) {
  for (auto &kv : b3)
    if (kv.second == 0)
      b4.erase(kv.first);
}

void sameNameOtherObject(Registry &r1, Registry &r2) {
  for (int id : r1.ids)
    r2.ids.erase(id);
}

void Registry::purgeOther(Registry &other) {
  for (int id : ids)
    other.ids.erase(id);
}

void nestedContainer(std::map<int, std::set<int>> &b5) {
  for (auto &[k, v] : b5)
    v.erase(k);
  for (auto &kv : b5)
    kv.second.clear();
}

void restartAfterErase(std::map<int, int> &b6) {
  for (auto it = b6.begin(); it != b6.end();) {
    if (it->second == 0) {
      b6.erase(it);
      it = b6.begin();
    } else {
      ++it;
    }
  }
}

void savedNext(std::map<int, int> &b7) {
  for (auto it = b7.begin(); it != b7.end();) {
    auto next = it;
    ++next;
    if (it->second == 0)
      b7.erase(it);
    it = next;
  }
}

void collectThenErase(std::map<int, int> &b8) {
  std::vector<int> doomed;
  for (auto &kv : b8)
    if (kv.second == 0)
      doomed.push_back(kv.first);
  for (int k : doomed)
    b8.erase(k);
}

void drainFromFront(std::map<int, int> &b9) {
  while (!b9.empty())
    b9.erase(b9.begin());
}

void nodeInsertion(std::map<int, int> &c1, std::list<int> &l5,
                   std::set<int> &s4) {
  for (auto &kv : c1)
    c1.insert({kv.first + 1, 0});
  for (int x : l5)
    l5.push_back(x);
  for (int x : s4)
    s4.insert(x + 1);
}

void subscriptCurrentKey(std::unordered_map<int, int> &c2) {
  for (auto &kv : c2)
    c2[kv.first] += 1;
  for (auto &[k, v] : c2)
    c2[k] = v + 1;
}

void vectorSubscriptDoesNotInsert(std::vector<int> &c3) {
  for (int x : c3)
    c3[0] = x;
}

void otherPointerAlias(std::map<int, int> &c4, std::map<int, int> &c5,
                       bool which) {
  std::map<int, int> *p = &c4;
  if (which)
    p = &c5;
  for (auto &kv : c5)
    p->erase(kv.first);
}

void aliasToOther(std::map<int, int> &c6, std::map<int, int> &c7) {
  auto &alias = c7;
  for (auto &kv : c6)
    alias.erase(kv.first);
}

void eraseOtherKeyInIteratorLoop(std::map<int, int> &c8, int k) {
  for (auto it = c8.begin(); it != c8.end(); ++it)
    if (it->first == k + 1)
      c8.erase(k);
}

void eraseInUncalledLambda(std::map<int, int> &c9) {
  for (auto &kv : c9) {
    auto later = [&] { c9.erase(kv.first); };
    (void)later;
  }
}

void readOnlyCalls(std::map<int, int> &d3) {
  for (auto &kv : d3)
    if (d3.count(kv.first) && d3.find(kv.first) != d3.end())
      use(d3.size());
}

void differentIteratorLoop(std::map<int, int> &d4, std::map<int, int> &d5) {
  for (auto it = d4.begin(); it != d4.end(); ++it)
    d5.erase(it->first);
}

void eraseRangeAfterLoop(std::vector<int> &d6) {
  auto it = d6.begin();
  for (; it != d6.end(); ++it)
    if (*it < 0)
      break;
  d6.erase(it);
}

template <class C> void uninstantiated(C &c) {
  for (auto &x : c)
    c.erase(x);
}

void lambdaCopiesContainer(std::set<int> &d7) {
  std::for_each(d7.begin(), d7.end(), [d7](int x) mutable { d7.erase(x); });
}

void forEachOverOther(std::vector<int> &d8, std::vector<int> &d9) {
  std::for_each(d8.begin(), d8.end(), [&](int x) { d9.push_back(x); });
}

void eraseOtherKeyRangeFor(std::map<int, int> &e2, int k) {
  // Erasing another element of a node-based container keeps the loop's
  // iterator valid.
  for (auto &kv : e2)
    if (kv.second == k)
      e2.erase(k);
}

namespace regression_cppcheck_remove_overlaps {
// cppcheck lib/token.cpp removeOverlaps(): the predicate spares the element
// the loop stands on by comparing addresses; std::list::remove_if leaves the
// iterators of the other elements valid.
void removeOverlaps(std::list<int> &values) {
  for (const int &x : values)
    values.remove_if([&](const int &y) { return &x != &y && x == y; });
}
} // namespace regression_cppcheck_remove_overlaps

namespace regression_while_true {
void eraseWithoutIteratorCondition(std::map<int, int> &e1) {
  auto it = e1.begin();
  while (true) {
    if (it == e1.end())
      break;
    it = e1.erase(it);
  }
}
} // namespace regression_while_true
