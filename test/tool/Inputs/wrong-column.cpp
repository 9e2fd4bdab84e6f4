// Expects the warning one column off: the runner must fail.
#include <map>
void f(std::map<int, int> &m, int k) {
  if (m.count(k)) m.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: redundant lookup
}
