// old file
#include <map>

// An old bug: not on a changed line, so the gate does not report it.
void drop(std::map<int, int> &m, int k) {
  if (m.count(k)) m.erase(k);
}
