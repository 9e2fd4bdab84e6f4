#include <future>
#include <map>
struct Calls {
  std::map<int, std::promise<int>> pending;
  void done(int id, int v) { pending.at(ident).set_value(v); }
};
