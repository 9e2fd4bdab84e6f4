#include <map>
#include <mutex>
#include <string>

class Registry {
public:
  void put(int id, std::string v) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_[id] = std::move(v);
  }
  void drop(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.erase(id);
  }
  void sweep() {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end();)
      if (it->second.empty())
        it = entries_.erase(it);
      else
        ++it;
  }

private:
  std::mutex mu_;
  std::map<int, std::string> entries_;
};
