// An old bug, already on main: moved below a new function and re-indented.
#include <map>

int size(const std::map<int, int> &m) { return static_cast<int>(m.size()); }

bool empty(const std::map<int, int> &m) { return m.empty(); }

void drop(std::map<int, int> &m,
          int k) {
    if (m.count(k))
        m.erase(k);
}
