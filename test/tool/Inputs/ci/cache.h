#include <map>

inline void evict(std::map<int, int> &cache, int key) {
  cache.erase(key);
}
