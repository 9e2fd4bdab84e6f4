// RUN: %check_clang_tidy -std=c++14-or-later %s safedelete-pending-map-leak %t

#include <future>
#include <string>
#include <unordered_map>
#include <utility>

// rpclib's client (rpclib/rpclib 463887f, lib/rpc/client.cc): the mapped
// value is a pair, completed through std::get<1> on a reference bound to
// operator[]. A response for an unknown id inserts a default entry, completes
// it and erases it again: harmless, silent (issue 12, class 4).
class RpcClient {
public:
  void onResponse(unsigned id, int result, bool failed) {
    auto &current_call = ongoing_calls_[id];
    if (failed)
      std::get<1>(current_call).set_exception(std::exception_ptr());
    else
      std::get<1>(current_call).set_value(result);
    ongoing_calls_.erase(id);
  }

  // Silent: looked up with find, completed, erased.
  void onResponseChecked(unsigned id, int result) {
    auto it = ongoing_calls_.find(id);
    if (it == ongoing_calls_.end())
      return;
    std::get<1>(it->second).set_value(result);
    ongoing_calls_.erase(it);
  }

  // Silent: std::get on the name, not the promise.
  void describe(unsigned id) {
    auto it = ongoing_calls_.find(id);
    if (it != ongoing_calls_.end())
      use(std::get<0>(it->second));
  }

private:
  void use(const std::string &);
  std::unordered_map<unsigned, std::pair<std::string, std::promise<int>>>
      ongoing_calls_;
};
