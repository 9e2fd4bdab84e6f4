// A service that is clean on main; each branch of ci-new-findings.test
// breaks it one way.
#include <future>
#include <map>
#include <mutex>

class Service {
public:
  void add(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[id] = id;
  }
  void drop(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_.erase(id);
  }
  void expect(int id) { pending_[id]; }
  void cancel(int id) { pending_.erase(id); }
  void complete(int id, int value) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    it->second.set_value(value);
    pending_.erase(it);
  }
  void prune(int limit) {
    for (auto &entry : limits_)
      if (entry.second > limit)
        entry.second = limit;
  }

private:
  std::mutex mu_;
  std::map<int, int> sessions_;
  std::map<int, std::promise<int>> pending_;
  std::map<int, int> limits_;
};
