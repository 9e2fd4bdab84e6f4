// An old bug, already on main.
#include <map>

void drop(std::map<int, int> &m, int k) {
  if (m.count(k)) m.erase(k);
}

int size(const std::map<int, int> &m) { return static_cast<int>(m.size()); }
