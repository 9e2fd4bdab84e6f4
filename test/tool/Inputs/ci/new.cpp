#include <map>

void forget(std::map<int, int> &sessions, int id) {
  if (sessions.count(id))
    sessions.erase(id);
}
