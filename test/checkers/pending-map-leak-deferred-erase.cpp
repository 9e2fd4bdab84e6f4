// Issue 12, class 4: an erase posted in a lambda created on the completing
// path removes the entry, as a direct erase does (rpclib 463887f,
// lib/rpc/client.cc:85-99: completion in a loop, in try/catch, inside the
// read handler's lambda; the erase posted to the strand). The completions
// go through a reference bound to `ongoing_calls_[id]` in an earlier
// statement. An unknown id inserts a default entry, completes it and erases
// it again: harmless, so silent. Through a pointer mapped value the same
// `[]` dereferences null: flagged, without a fix-it, as the reference was
// bound in an earlier statement.
// RUN: %check_clang_tidy -std=c++14-or-later %s safedelete-pending-map-leak %t

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

struct Strand {
  void post(std::function<void()> f);
};
struct Socket {
  void async_read(std::function<void(int, unsigned)> handler);
};
bool next(unsigned &id);

class Client {
public:
  void doRead() {
    socket_.async_read([this](int ec, unsigned length) {
      unsigned id = 0;
      while (!ec && next(id)) {
        auto &current_call = ongoing_calls_[id];
        try {
          std::get<1>(current_call).set_value(int(length));
        } catch (...) {
          std::get<1>(current_call).set_exception(std::exception_ptr());
        }
        strand_.post([this, id]() { ongoing_calls_.erase(id); });
      }
    });
  }

  // Silent: found, completed, and erased later on the strand.
  void onResponse(unsigned id, int result) {
    auto it = ongoing_calls_.find(id);
    if (it == ongoing_calls_.end())
      return;
    std::get<1>(it->second).set_value(result);
    strand_.post([this, id] { ongoing_calls_.erase(id); });
  }
  void onError(unsigned id) {
    auto it = ongoing_calls_.find(id);
    if (it != ongoing_calls_.end()) {
      std::get<1>(it->second).set_exception(std::exception_ptr());
      strand_.post([this, key = id] { ongoing_calls_.erase(key); });
    }
  }
  void onCancel(unsigned id) {
    ongoing_calls_.at(id).second.set_exception(std::exception_ptr());
    strand_.post([this, id] { ongoing_calls_.erase(id); });
  }

  // Flagged: the default entry holds a null pointer that is dereferenced.
  void onSharedResponse(unsigned id, int result) {
    auto &call = shared_calls_[id];
    call->set_value(result);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'set_value' through 'shared_calls_[...]' inserts a new entry into 'shared_calls_' when the key is absent (a late or duplicate response) that nobody waits for [safedelete-pending-map-leak]
    strand_.post([this, id] { shared_calls_.erase(id); });
  }
  void call(unsigned id, std::promise<int> p) {
    strand_.post([this, id, &p] {
      ongoing_calls_[id].second = std::move(p);
    });
  }

private:
  Strand strand_;
  Socket socket_;
  std::unordered_map<unsigned, std::pair<std::string, std::promise<int>>>
      ongoing_calls_;
  std::unordered_map<unsigned, std::shared_ptr<std::promise<int>>>
      shared_calls_;
};
