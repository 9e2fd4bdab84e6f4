// RUN: %check_clang_tidy -std=c++20 %s safedelete-erase-during-iteration %t

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

bool expired(int);
bool stale(int, int);
void use(int);

void eraseIfMap(std::map<int, int> &sessions) {
  for (auto &kv : sessions)
    if (expired(kv.second))
      sessions.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' on 'sessions' inside a loop over 'sessions' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-FIXES: std::erase_if(sessions, [&](auto &kv) { return expired(kv.second); });
}

void eraseIfBindings(std::unordered_map<int, int> &byId) {
  for (const auto &[id, deadline] : byId) {
    if (stale(id, deadline)) {
      byId.erase(id);
    }
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:12: warning: 'erase' on 'byId'
  // CHECK-FIXES: std::erase_if(byId, [&](const auto &entry) { const auto &[id, deadline] = entry; return stale(id, deadline); });
}

void eraseIfBindingsNameTaken(std::map<int, int> &m1, int entry) {
  for (auto &[k, v] : m1)
    if (v == entry)
      m1.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 'm1'
  // CHECK-FIXES: std::erase_if(m1, [&](auto &element) { auto &[k, v] = element; return v == entry; });
}

void eraseIfSet(std::set<int> &ids) {
  for (const int &id : ids)
    if (expired(id))
      ids.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' on 'ids'
  // CHECK-FIXES: std::erase_if(ids, [&](const int &id) { return expired(id); });
}

void eraseIfByValue(std::unordered_set<int> &u1) {
  for (int x : u1)
    if (x < 0)
      u1.erase(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 'u1'
  // CHECK-FIXES: std::erase_if(u1, [&](int x) { return x < 0; });
}

struct Cache {
  std::map<int, int> entries_;
  void purge() {
    for (auto &kv : this->entries_)
      if (kv.second == 0)
        entries_.erase(kv.first);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'erase' on 'entries_' inside a loop over 'this->entries_'
    // CHECK-FIXES: std::erase_if(this->entries_, [&](auto &kv) { return kv.second == 0; });
  }
};

void multimapNoFix(std::multimap<int, int> &mm) {
  for (auto &kv : mm)
    if (kv.second == 1)
      mm.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' on 'mm'
  // CHECK-FIXES: mm.erase(kv.first);
}

void twoStatementsNoFix(std::map<int, int> &m2) {
  for (auto &kv : m2) {
    use(kv.first);
    if (kv.second == 2)
      m2.erase(kv.first);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'erase' on 'm2'
  // CHECK-FIXES: m2.erase(kv.first);
}

void elseBranchNoFix(std::map<int, int> &m3) {
  for (auto &kv : m3)
    if (kv.second == 3)
      m3.erase(kv.first);
    else
      use(kv.second);
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: 'erase' on 'm3'
  // CHECK-FIXES: m3.erase(kv.first);
}

void stdEraseIfInLoop(std::vector<int> &v1) {
  for (int x : v1)
    if (x == 0)
      std::erase_if(v1, [](int y) { return y < 0; });
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::erase_if' on 'v1'
}

void stdEraseInLoop(std::vector<int> &v2) {
  for (int x : v2)
    if (x < 0)
      std::erase(v2, x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::erase' on 'v2'
}

// Silent.
void eraseIfAlready(std::map<int, int> &a1) {
  std::erase_if(a1, [](const auto &kv) { return kv.second == 0; });
}

void readOnly(std::map<int, int> &a2) {
  for (auto kv : a2)
    use(kv.second);
}

void eraseOtherKey(std::map<int, int> &a5, int k) {
  for (auto &kv : a5)
    if (kv.second == 4)
      a5.erase(k);
}

void eraseIfOnAnother(std::vector<int> &a3, std::vector<int> &a4) {
  for (int x : a3)
    std::erase(a4, x);
}
