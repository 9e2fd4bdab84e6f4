// Look-alikes of erase-during-iteration that are correct: none may warn.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t

#include <algorithm>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

bool expired(int);
void use(int);

using Ids = std::set<int>;
using Table = std::map<int, int>;

void continueSkipsIncrement(Table &t1) {
  auto it = t1.begin();
  while (it != t1.end()) {
    if (expired(it->second)) {
      it = t1.erase(it);
      continue;
    }
    ++it;
  }
}

void eraseCopyOfIterator(Table &t2) {
  for (auto it = t2.begin(); it != t2.end();) {
    auto current = it++;
    if (expired(current->second))
      t2.erase(current);
  }
}

void returnAfterEraseInVoid(Table &t3, int k) {
  for (auto &kv : t3) {
    if (kv.first == k) {
      t3.erase(kv.first);
      return;
    }
  }
}

void eraseFromLocalCopy(Table &t4) {
  for (auto &kv : t4) {
    Table local = t4;
    local.erase(kv.first);
    use(static_cast<int>(local.size()));
  }
}

void iterateElementEraseOuterOtherKey(std::map<int, std::vector<int>> &t5,
                                      int k) {
  for (int x : t5[k])
    use(x);
  for (auto &kv : t5)
    kv.second.clear();
}

void aliasTypePostIncrement(Ids &i1) {
  for (auto it = i1.begin(); it != i1.end();) {
    if (*it < 0) {
      i1.erase(it++);
    } else {
      ++it;
    }
  }
}

void aliasTypeTakesResult(Ids &i2) {
  for (auto it = i2.begin(); it != i2.end();)
    if (*it == 0)
      it = i2.erase(it);
    else
      ++it;
}

void pointerPostIncrementOnMap(Table *t6) {
  for (auto it = t6->begin(); it != t6->end();)
    if (it->second == 0)
      t6->erase(it++);
    else
      ++it;
}

void indexLoopErase(std::vector<int> &v1) {
  for (unsigned long i = 0; i < v1.size();) {
    if (v1[i] < 0)
      v1.erase(v1.begin() + i);
    else
      ++i;
  }
}

void indexLoopPushBack(std::vector<int> &v2) {
  for (unsigned long i = 0; i < v2.size(); ++i)
    if (v2[i] > 0)
      v2.push_back(-v2[i]);
}

void returnInsideSwitch(Table &t7, int mode) {
  for (auto &kv : t7) {
    switch (mode) {
    case 1:
      t7.erase(kv.first);
      return;
    default:
      use(kv.second);
    }
  }
}

void skipThenEraseOther(Table &t8, Table &t9) {
  for (auto &kv : t8) {
    if (kv.second)
      continue;
    t9.erase(kv.first);
  }
}

void readOnlyVector(std::vector<int> &v3, std::deque<int> &d1) {
  for (int x : v3)
    use(x + static_cast<int>(v3.size()) + (v3.empty() ? 1 : 0) + v3[0]);
  for (int x : d1)
    use(x + static_cast<int>(d1.size()));
}

void lookupDoesNotInsert(std::unordered_map<int, int> &u1) {
  for (auto &kv : u1) {
    u1.find(kv.first)->second = 1;
    use(static_cast<int>(u1.count(kv.first)));
    use(u1.at(kv.first));
  }
}

void insertIntoAnother(std::unordered_set<int> &u2, std::unordered_set<int> &u3) {
  for (int x : u2)
    u3.insert(x);
}

void reserveBeforeLoop(std::vector<int> &v4, const std::vector<int> &from) {
  v4.reserve(from.size());
  for (int x : from)
    v4.push_back(x);
}

void iteratorEraseKeyThenBreak(Table &t10, int k) {
  for (auto it = t10.begin(); it != t10.end(); ++it)
    if (it->first == k) {
      t10.erase(it->first);
      break;
    }
}

void reassignFromFind(Table &t11, int k) {
  for (auto it = t11.begin(); it != t11.end(); ++it) {
    if (it->second < 0) {
      t11.erase(it);
      it = t11.find(k);
      if (it == t11.end())
        break;
    }
  }
}

void eraseLaterThroughLambda(Table &t12) {
  std::vector<int> keys;
  for (auto &kv : t12)
    keys.push_back(kv.first);
  auto drop = [&](int key) { t12.erase(key); };
  for (int key : keys)
    drop(key);
}

template <class Container> void purgeAfterLoop(Container &c) {
  std::vector<int> doomed;
  for (const auto &x : c)
    if (x < 0)
      doomed.push_back(x);
  for (int x : doomed)
    c.erase(x);
}

void instantiatePurge(Ids &i3, std::unordered_set<int> &u4) {
  purgeAfterLoop(i3);
  purgeAfterLoop(u4);
}

void forEachReadsOnly(std::vector<int> &v5) {
  std::for_each(v5.begin(), v5.end(), [&](int x) { use(x + v5[0]); });
}

void nodeListInsertions(std::list<int> &l1) {
  for (int x : l1)
    if (x == 0)
      l1.push_front(1);
}

void differentLoopVariableContainer(std::vector<std::vector<int>> &vv) {
  for (auto &inner : vv)
    inner.push_back(1);
}

namespace regression_cppcheck_template_usage {
// cppcheck lib/templatesimplifier.cpp simplifyTemplateInstantiations(): the
// member function called in the loop gets the current element but erases
// other elements of the std::list, found by a search; the loop's iterator
// stays valid.
class Simplifier {
  std::list<int> instantiations_;
  void replaceUsage(const int &current) {
    for (auto it = instantiations_.begin(); it != instantiations_.end();) {
      if (*it == current + 1) {
        instantiations_.erase(it);
        break;
      }
      ++it;
    }
  }

public:
  void simplify() {
    for (const int &instantiation : instantiations_)
      replaceUsage(instantiation);
  }
};
} // namespace regression_cppcheck_template_usage
