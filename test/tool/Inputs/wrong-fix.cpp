// Expects a fix the check does not make: the runner must fail.
#include <map>
void f(std::map<int, int> &m, int k) {
  if (m.count(k)) m.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup
  // CHECK-FIXES: m.erase(k + 1);
}
