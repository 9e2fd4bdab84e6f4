// RUN: %check_clang_tidy -std=c++14-or-later %s safedelete-erase-during-iteration %t

// Calls inside a loop to functions of this translation unit that erase from
// the iterated container: member functions called on *this and functions
// the container is passed to by reference, from iterator loops, range-based
// loops and std::for_each callbacks. Warnings at the call, notes at the
// removal inside the callee; never a fix-it.

#include <algorithm>
#include <map>
#include <set>
#include <vector>

void use(int);

using Map = std::map<int, int>;

void prune(Map &m) { m.clear(); }
void dropKey(Map &m, int k) { m.erase(k); }
void dropIt(Map &m, Map::iterator i) { m.erase(i); }
void deeper(Map &m) { prune(m); }
template <class M> void wipe(M &m) { m.clear(); }
void shrink(std::vector<int> &v) { v.erase(v.begin()); }
void look(const Map &m);
void external(Map &m);
void consume(Map m) { m.clear(); }
void addTo(Map &m) { m[0] = 1; }
void trim(std::set<int> &s) { s.clear(); }
void spin(Map &m) { spin(m); }

struct Janitor {
  void sweep(Map &m) { m.clear(); }
};

class Registry {
  Map m_;
  Map other_;
  std::set<int> ids_;
  void kill(int id) { m_.erase(id); }
  void killIt(Map::iterator i) { m_.erase(i); }
  Map::iterator killAndNext(Map::iterator i) { return m_.erase(i); }
  void killOther(int id) { other_.erase(id); }
  void reset() { m_.clear(); }
  void resetTwice() { reset(); }
  void forget(int id) { ids_.erase(id); }
  void advance(Map::iterator &i) { i = m_.erase(i); }
  void wipeArg(Map &m) { m.clear(); }

public:
  // ===== Flagged: iterator loops =====
  void iterByKey() {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      if (it->second == 0)
        kill(it->first);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'kill' modifies 'm_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'kill' modifies 'm_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: loop over 'm_' starts here
    // CHECK-NOTES: :[[@LINE-19]]:26: note: 'erase' is called here
    // CHECK-NOTES: :[[@LINE-7]]:50: note: 'it' is used here after being invalidated
  }
  void whileByIterator() {
    auto it = m_.begin();
    while (it != m_.end()) {
      if (it->second == 0)
        killIt(it);
      ++it;
    }
    // CHECK-NOTES: :[[@LINE-3]]:9: warning: 'killIt' modifies 'm_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-4]]:9: warning: 'killIt' modifies 'm_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-7]]:5: note: loop over 'm_' starts here
    // CHECK-NOTES: :[[@LINE-31]]:37: note: 'erase' is called here
    // CHECK-NOTES: :[[@LINE-6]]:9: note: 'it' is used here after being invalidated
  }
  void doClearTwoDeep() {
    auto it = m_.begin();
    if (it == m_.end())
      return;
    do {
      if (it->second < 0)
        this->resetTwice();
      use(it->second);
      ++it;
    } while (it != m_.end());
    // CHECK-NOTES: :[[@LINE-4]]:15: warning: 'resetTwice' modifies 'm_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-5]]:15: warning: 'resetTwice' modifies 'm_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-8]]:5: note: loop over 'm_' starts here
    // CHECK-NOTES: :[[@LINE-44]]:21: note: 'clear' is called here
    // CHECK-NOTES: :[[@LINE-7]]:11: note: 'it' is used here after being invalidated
  }
  void setThroughThis() {
    for (auto it = ids_.begin(); it != ids_.end(); ++it)
      this->forget(*it);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'forget' modifies 'ids_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: 'forget' modifies 'ids_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: loop over 'ids_' starts here
    // CHECK-NOTES: :[[@LINE-51]]:30: note: 'erase' is called here
    // CHECK-NOTES: :[[@LINE-6]]:54: note: 'it' is used here after being invalidated
  }

  // ===== Flagged: std::for_each callbacks =====
  void forEachKill() {
    std::for_each(m_.begin(), m_.end(), [this](const std::pair<const int, int> &kv) {
      if (kv.second == 0)
        kill(kv.first);
    });
    // CHECK-NOTES: :[[@LINE-2]]:9: warning: 'kill' modifies 'm_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'kill' modifies 'm_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-6]]:5: note: loop over 'm_' starts here
    // CHECK-NOTES: :[[@LINE-70]]:26: note: 'erase' is called here
  }
  void forEachGenericForget() {
    std::for_each(ids_.begin(), ids_.end(), [&](auto id) { forget(id); });
    // CHECK-NOTES: :[[@LINE-1]]:60: warning: 'forget' modifies 'ids_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:60: warning: 'forget' modifies 'ids_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: loop over 'ids_' starts here
    // CHECK-NOTES: :[[@LINE-71]]:30: note: 'erase' is called here
  }

  // ===== Flagged: a member passed by reference =====
  void rangeForPruneMember() {
    for (auto &kv : m_)
      if (kv.second < 0)
        prune(m_);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'prune' modifies 'm_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'prune' modifies 'm_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: loop over 'm_' starts here
    // CHECK-NOTES: :[[@LINE-109]]:24: note: 'clear' is called here
  }

  void rangeForMemberArgument() {
    for (auto &kv : m_)
      if (kv.second < 0)
        this->wipeArg(m_);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'wipeArg' modifies 'm_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'wipeArg' modifies 'm_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: loop over 'm_' starts here
    // CHECK-NOTES: :[[@LINE-90]]:28: note: 'clear' is called here
  }

  // ===== Silent look-alikes =====
  void iterKillThenBreak() {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      if (it->second == 0) {
        kill(it->first);
        break;
      }
  }
  void iterKillOther() {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      killOther(it->first);
  }
  void iterPostIncrement() {
    for (auto it = m_.begin(); it != m_.end();)
      if (it->second == 0)
        killIt(it++);
      else
        ++it;
  }
  void iterRestart() {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      if (it->second < 0) {
        reset();
        it = m_.begin();
      }
  }
  void iterTakesReturned() {
    for (auto it = m_.begin(); it != m_.end();)
      if (it->second == 0)
        it = killAndNext(it);
      else
        ++it;
  }
  void iterOtherKey(int k) {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      if (it->second == k)
        kill(k);
  }
  void iterCalleeAdvances() {
    // The callee moves the loop's iterator on itself.
    for (auto it = m_.begin(); it != m_.end();)
      if (it->second == 0)
        advance(it);
      else
        ++it;
  }
  void forEachKillOther() {
    std::for_each(m_.begin(), m_.end(), [this](const std::pair<const int, int> &kv) {
      killOther(kv.first);
    });
  }
  void forEachOverSnapshot() {
    Map snapshot = m_;
    std::for_each(snapshot.begin(), snapshot.end(), [this](const std::pair<const int, int> &kv) {
      kill(kv.first);
    });
  }
  void forEachOtherKey(int k) {
    std::for_each(ids_.begin(), ids_.end(), [this, k](int id) {
      if (id == k + 1)
        forget(k);
    });
  }
};

// ===== Flagged: free functions that take the container by reference =====

void iterDropIt(Map &m1) {
  for (auto it = m1.begin(); it != m1.end(); ++it)
    if (it->second == 0)
      dropIt(m1, it);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'dropIt' modifies 'm1' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'dropIt' modifies 'm1' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'm1' starts here
  // CHECK-NOTES: :[[@LINE-194]]:42: note: 'erase' is called here
  // CHECK-NOTES: :[[@LINE-7]]:48: note: 'it' is used here after being invalidated
}

void iterThroughPointer(Map *p1) {
  for (auto it = p1->begin(); it != p1->end(); ++it)
    if (it->second == 0)
      dropKey(*p1, it->first);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'dropKey' modifies 'p1' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'dropKey' modifies 'p1' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'p1' starts here
  // CHECK-NOTES: :[[@LINE-206]]:33: note: 'erase' is called here
  // CHECK-NOTES: :[[@LINE-7]]:50: note: 'it' is used here after being invalidated
}

void rangeForDropKey(Map &m2) {
  for (auto &kv : m2)
    if (kv.second == 0)
      dropKey(m2, kv.first);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'dropKey' modifies 'm2' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'dropKey' modifies 'm2' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'm2' starts here
  // CHECK-NOTES: :[[@LINE-217]]:33: note: 'erase' is called here
}

void rangeForBindingTwoDeep(Map &m3) {
  for (auto &[k, v] : m3)
    if (v < 0)
      deeper(m3);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'deeper' modifies 'm3' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'deeper' modifies 'm3' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'm3' starts here
  // CHECK-NOTES: :[[@LINE-228]]:24: note: 'clear' is called here
}

void rangeForTemplate(std::set<int> &s1) {
  for (int x : s1)
    if (x < 0)
      wipe(s1);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'wipe' modifies 's1' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'wipe' modifies 's1' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 's1' starts here
  // CHECK-NOTES: :[[@LINE-234]]:40: note: 'clear' is called here
}

void rangeForVector(std::vector<int> &v1) {
  for (int x : v1)
    if (x == 0)
      shrink(v1);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'shrink' modifies 'v1' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'shrink' modifies 'v1' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'v1' starts here
  // CHECK-NOTES: :[[@LINE-243]]:38: note: 'erase' is called here
}

void rangeForOtherObject(Map &m4, Janitor &j) {
  for (auto &kv : m4)
    if (kv.second == 0)
      j.sweep(m4);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'sweep' modifies 'm4' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'sweep' modifies 'm4' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'm4' starts here
  // CHECK-NOTES: :[[@LINE-244]]:26: note: 'clear' is called here
}

void forEachPrune(Map &m5) {
  std::for_each(m5.begin(), m5.end(), [&](const std::pair<const int, int> &kv) {
    if (kv.second < 0)
      prune(m5);
  });
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'prune' modifies 'm5' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: 'prune' modifies 'm5' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: loop over 'm5' starts here
  // CHECK-NOTES: :[[@LINE-269]]:24: note: 'clear' is called here
}

void referenceAlias(Map &m6) {
  Map &alias = m6;
  for (auto &kv : alias)
    if (kv.second == 0)
      dropKey(m6, kv.first);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'dropKey' modifies 'alias' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'dropKey' modifies 'alias' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: loop over 'alias' starts here
  // CHECK-NOTES: :[[@LINE-279]]:33: note: 'erase' is called here
}

// ===== Silent look-alikes: free functions =====

void rangeForOtherKey(Map &s2, int k) {
  for (auto &kv : s2)
    if (kv.second == k)
      dropKey(s2, k);
}

void rangeForConstRef(Map &s3) {
  for (auto &kv : s3)
    look(s3);
}

void rangeForOtherContainer(Map &s4, Map &s5) {
  for (auto &kv : s4)
    prune(s5);
}

void rangeForCopy(Map &s6) {
  Map copy = s6;
  for (auto &kv : copy)
    prune(s6);
}

void rangeForByValue(Map &s7) {
  for (auto &kv : s7)
    consume(s7);
}

void rangeForInsertsIntoMap(Map &s8) {
  for (auto &kv : s8)
    addTo(s8);
}

void rangeForNoBody(Map &s9) {
  for (auto &kv : s9)
    external(s9);
}

void rangeForPruneThenBreak(Map &s10) {
  for (auto &kv : s10)
    if (kv.second < 0) {
      prune(s10);
      break;
    }
}

void rangeForNestedElement(std::map<int, std::set<int>> &s11) {
  for (auto &kv : s11)
    trim(kv.second);
}

void rangeForRecursion(Map &s12) {
  for (auto &kv : s12)
    spin(s12);
}

void forEachCopyCapture(Map &s13) {
  std::for_each(s13.begin(), s13.end(), [s13](const std::pair<const int, int> &) mutable {
    prune(s13);
  });
}

void iterDropOther(Map &s14, Map &s15) {
  for (auto it = s14.begin(); it != s14.end(); ++it)
    dropIt(s15, s15.find(it->first));
}
