#include "request_dispatcher.h"

#include <exception>
#include <iostream>
#include <stdexcept>
#include <utility>

namespace {

std::exception_ptr cancelled(const std::string& reason) {
  return std::make_exception_ptr(
      std::runtime_error("request cancelled: " + reason));
}

}  // namespace

std::future<Response> RequestDispatcher::send(const std::string& payload) {
  std::promise<Response> promise;
  std::future<Response> future = promise.get_future();
  uint64_t id = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    id = next_id_++;
    pending_.emplace(id, std::move(promise));
  }
  transmit(id, payload);
  return future;
}

void RequestDispatcher::transmit(uint64_t id, const std::string& payload) {
  // The real transport lives elsewhere; this is where the frame goes out.
  std::cerr << "[dispatcher] -> #" << id << " (" << payload.size()
            << " bytes)\n";
}

void RequestDispatcher::onResponse(uint64_t id, Response response) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = pending_.find(id);
  if (it == pending_.end()) {
    std::cerr << "[dispatcher] response for unknown request #" << id << "\n";
    return;
  }
  // BUG(safedelete-pending-map-leak): promise fulfilled but its entry is never erased; pending_ grows forever
  it->second.set_value(std::move(response));
}

void RequestDispatcher::onResponseFixed(uint64_t id, Response response) {
  std::promise<Response> promise;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto node = pending_.extract(id);
    if (node.empty()) {
      std::cerr << "[dispatcher] response for unknown request #" << id
                << "\n";
      return;
    }
    promise = std::move(node.mapped());
  }
  // OK: the entry was extracted from pending_ first, so nothing is left behind
  promise.set_value(std::move(response));
}

void RequestDispatcher::onTimeout(uint64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::cerr << "[dispatcher] request #" << id << " timed out\n";
  // BUG(safedelete-pending-map-leak): completes through operator[] and never erases (and re-inserts an id that already finished)
  pending_[id].set_value(Response{id, 504, "gateway timeout"});
}

void RequestDispatcher::onTimeoutFixed(uint64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = pending_.find(id);
  if (it == pending_.end()) {
    return;  // the response won the race; nothing to time out
  }
  std::cerr << "[dispatcher] request #" << id << " timed out\n";
  it->second.set_value(Response{id, 504, "gateway timeout"});
  // OK: completed and erased under the same lock
  pending_.erase(it);
}

void RequestDispatcher::cancelAll(const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [id, promise] : pending_) {
    promise.set_exception(cancelled(reason));
    // BUG(safedelete-erase-during-iteration): erasing the current element invalidates the range-for iterator
    pending_.erase(id);
  }
}

void RequestDispatcher::cancelAllFixed(const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = pending_.begin(); it != pending_.end();) {
    it->second.set_exception(cancelled(reason));
    // OK: continue from the iterator returned by erase
    it = pending_.erase(it);
  }
}

void RequestDispatcher::cancelOlderThan(uint64_t oldest_live_id,
                                        const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = pending_.begin();
  while (it != pending_.end()) {
    if (it->first < oldest_live_id) {
      it->second.set_exception(cancelled(reason));
      // BUG(safedelete-erase-during-iteration): the ++it below skips the element after each erase (and can step past end())
      it = pending_.erase(it);
    }
    ++it;
  }
}

void RequestDispatcher::cancelOlderThanFixed(uint64_t oldest_live_id,
                                             const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->first < oldest_live_id) {
      it->second.set_exception(cancelled(reason));
      // OK: advance only when nothing was erased
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
}

std::size_t RequestDispatcher::pendingCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return pending_.size();
}
