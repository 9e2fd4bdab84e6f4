#include <map>
#include <string>

#include "cache/cache.h"

int lengthOfRemoved(std::map<int, std::string> &names, int id) {
  auto it = names.find(id);
  if (it == names.end())
    return 0;
  names.erase(it);
  return static_cast<int>(it->second.size());
}

int main() {
  Cache cache;
  cache.put(1, "one");
  cache.drop(1);
  std::map<int, std::string> names{{1, "a"}};
  return lengthOfRemoved(names, 1);
}
