// A correct test: passes as is, and is the base of the failure cases.
#include <map>
void f(std::map<int, int> &m, int k) {
  if (m.count(k)) m.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup
  // CHECK-FIXES: m.erase(k);
}
