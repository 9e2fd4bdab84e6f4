#pragma once
// Minimal standalone asio::post for the lit tests (no real library).
namespace asio {
class io_context {
public:
  void run();
};
template <class Executor, class Handler> void post(Executor &ex, Handler &&h) {}
} // namespace asio
