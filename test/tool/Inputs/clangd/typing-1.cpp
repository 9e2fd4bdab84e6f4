#include <map>
void f(std::map<int, int> &m, int k) {
  if (m.count(k)
}
