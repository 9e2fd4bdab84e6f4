// Half-typed code, as an editor sends it: clang's errors, no warning of ours,
// no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-pending-map-leak' -- -std=c++17 \
// RUN:   -nostdinc++ -isystem %S/Inputs/Headers 2>&1 | FileCheck %s --implicit-check-not=safedelete
// CHECK: error:

#include <future>
#include <map>

struct Incomplete;

class Client {
public:
  void onResponse(int id, Incomplete &inc) {
    auto it = pending_.find(id);
    it->second.set_value(inc);
    pending_.at(undeclared).set_value(1);
    pending_[id].set_value(
  }

private:
  std::map<int, std::promise<int>> pending_;
};

template <class T> void dependentBroken(T &t) {
  t.at(1).set_value(;
}
