// SessionCache: in-process cache of authenticated sessions, keyed by the
// session token, plus a small revocation list consulted on every request.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>

struct Session {
  std::string user;
  std::chrono::steady_clock::time_point expires_at;
};

class SessionCache {
 public:
  using Clock = std::chrono::steady_clock;

  std::optional<Session> get(const std::string& key) const;
  void put(const std::string& key, Session session);

  void evict(const std::string& key);
  void evictFixed(const std::string& key);

  void invalidate(const std::string& key);
  void invalidateFixed(const std::string& key);
  void forget(const std::string& key);
  void forgetFixed(const std::string& key);
  void expire(const std::string& key);
  void expireFixed(const std::string& key);
  bool remove(const std::string& key);
  bool removeFixed(const std::string& key);

  void logout(const std::string& key);
  void logoutFixed(const std::string& key);

  std::size_t purgeExpired(Clock::time_point now);
  std::size_t purgeExpiredFixed(Clock::time_point now);

  bool isRevoked(const std::string& token) const;
  void revoke(const std::string& token);
  void unrevoke(const std::string& token);
  void unrevokeFixed(const std::string& token);

 private:
  mutable std::mutex mu_;  // guards sessions_
  std::map<std::string, Session> sessions_;

  mutable std::shared_mutex revoked_mu_;  // guards revoked_
  std::set<std::string> revoked_;
};
