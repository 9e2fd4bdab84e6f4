#include <map>

void logout(std::map<int, int> &sessions, int id) {
  if (sessions.count(id))
    sessions.erase(id);
}
