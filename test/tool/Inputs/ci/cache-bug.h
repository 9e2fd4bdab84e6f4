#include <map>

inline void evict(std::map<int, int> &cache, int key) {
  cache.erase(key);
}

inline void drop(std::map<int, int> &cache, int key) {
  if (cache.find(key) != cache.end())
    cache.erase(key);
}
