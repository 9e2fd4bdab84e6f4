#include <map>
#include <mutex>
struct Registry {
  std::mutex mu;
  std::map<int, int> items;
  void add(int k) { std::lock_guard<std::mutex> g(mu); items[k] = 1; }
  void remove(int k) {
    items.erase(k);
  }
};
