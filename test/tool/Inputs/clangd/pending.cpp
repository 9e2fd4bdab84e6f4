#include <future>
#include <map>
struct Calls {
  std::map<int, std::promise<int>> pending;
  void done(int id, int v) { pending.at(id).set_value(v); }
};
