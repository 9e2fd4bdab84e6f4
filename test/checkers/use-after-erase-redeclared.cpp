// Names declared again on every pass of a loop: a structured binding and a
// range-based for's own range are new each time, so an erase in one pass
// does not reach their uses in the next (bitcoin net_processing.cpp:1322,
// node/mini_miner.cpp:90 and :321). Issue 13.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-use-after-erase %t

#include <list>
#include <map>
#include <vector>

void use(int);

// ===== Silent: declared anew before every use =====

void bindingPerPass(std::multimap<int, std::list<int>::iterator> &inFlight,
                    std::list<int> &queue, int hash) {
  auto range = inFlight.equal_range(hash);
  while (range.first != range.second) {
    const auto &[node, listIt]{*range.first};
    if (queue.begin() == listIt)
      use(node);
    queue.erase(listIt);
    range.first = inFlight.erase(range.first);
  }
}

void rangePerPass(std::map<int, std::vector<int>> &byId,
                  const std::vector<int> &ids, std::vector<int> &out) {
  for (int id : ids) {
    auto it = byId.find(id);
    if (it != byId.end()) {
      for (int x : it->second)
        out.push_back(x);
      byId.erase(it);
    }
  }
}

// ===== Flagged: the same names, used after the erase in the same pass =====

void bindingAfterErase(std::multimap<int, std::list<int>::iterator> &inFlight,
                       std::list<int> &queue, int hash) {
  auto range = inFlight.equal_range(hash);
  while (range.first != range.second) {
    const auto &[node, listIt]{*range.first};
    queue.erase(listIt);
    use(*listIt);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'listIt' is used after 'erase' invalidated it [safedelete-use-after-erase]
    range.first = inFlight.erase(range.first);
  }
}

void rangeAfterErase(std::map<int, std::vector<int>> &byId,
                     const std::vector<int> &ids) {
  for (int id : ids) {
    auto it = byId.find(id);
    if (it != byId.end()) {
      byId.erase(it);
      for (int x : it->second)
        use(x);
      // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
    }
  }
}
