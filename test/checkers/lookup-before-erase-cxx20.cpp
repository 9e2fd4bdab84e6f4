// RUN: %check_clang_tidy -std=c++20-or-later %s safedelete-lookup-before-erase %t

#include <map>
#include <set>
#include <unordered_map>

void containsThenErase(std::map<int, int> &m1, std::unordered_map<int, int> &u2, int k) {
  if (m1.contains(k)) m1.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'm1' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: m1.erase(k);
  if (u2.contains(k)) {
    u2.erase(k);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: redundant lookup in 'u2'
  // CHECK-FIXES: u2.erase(k);
}

bool containsReturn(std::set<int> &s3, int k) {
  if (s3.contains(k)) {
    s3.erase(k);
    return true;
  }
  return false;
  // CHECK-MESSAGES: :[[@LINE-5]]:10: warning: redundant lookup in 's3'
  // CHECK-FIXES: return s3.erase(k) != 0;
}

// Silent: the lookup guards more than the erase, or another key.
void containsLookAlikes(std::map<int, int> &m, int k, int j) {
  if (m.contains(k)) m.erase(j);
  if (!m.contains(k)) m.erase(k);
  if (m.contains(k)) {
    m[k] = 0;
    m.erase(k);
  }
}
