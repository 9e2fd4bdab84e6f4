// RequestDispatcher: correlates outgoing requests with their responses.
//
// send() registers a promise under a fresh request id; the transport thread
// later calls onResponse()/onTimeout() with that id to complete the future
// handed back to the caller.
#pragma once

#include <cstdint>
#include <cstddef>
#include <future>
#include <mutex>
#include <string>
#include <unordered_map>

struct Response {
  uint64_t id = 0;
  int status = 0;
  std::string body;
};

class RequestDispatcher {
 public:
  std::future<Response> send(const std::string& payload);

  void onResponse(uint64_t id, Response response);
  void onResponseFixed(uint64_t id, Response response);

  void onTimeout(uint64_t id);
  void onTimeoutFixed(uint64_t id);

  void cancelAll(const std::string& reason);
  void cancelAllFixed(const std::string& reason);

  void cancelOlderThan(uint64_t oldest_live_id, const std::string& reason);
  void cancelOlderThanFixed(uint64_t oldest_live_id, const std::string& reason);

  std::size_t pendingCount() const;

 private:
  void transmit(uint64_t id, const std::string& payload);

  mutable std::mutex mu_;
  uint64_t next_id_ = 1;
  std::unordered_map<uint64_t, std::promise<Response>> pending_;
};
