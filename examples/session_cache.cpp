#include "session_cache.h"

#include <iostream>
#include <utility>

std::optional<Session> SessionCache::get(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) {
    return std::nullopt;
  }
  return it->second;
}

void SessionCache::put(const std::string& key, Session session) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_[key] = std::move(session);
}

// Called from the admin endpoint when an operator kills a session.
void SessionCache::evict(const std::string& key) {
  // BUG(safedelete-unlocked-erase): sessions_ is guarded by mu_ everywhere else, but not here
  sessions_.erase(key);
}

void SessionCache::evictFixed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // OK: erased with mu_ held
  sessions_.erase(key);
}

void SessionCache::invalidate(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // BUG(safedelete-lookup-before-erase): count() then erase(key) searches the map twice
  if (sessions_.count(key)) sessions_.erase(key);
}

void SessionCache::invalidateFixed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // OK: erase(key) is already a no-op for a missing key
  sessions_.erase(key);
}

void SessionCache::forget(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // BUG(safedelete-lookup-before-erase): find() != end() guard before erase(key)
  if (sessions_.find(key) != sessions_.end()) sessions_.erase(key);
}

void SessionCache::forgetFixed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // OK: single lookup
  sessions_.erase(key);
}

void SessionCache::expire(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it != sessions_.end()) {
    std::cerr << "[sessions] expiring session of " << it->second.user << "\n";
    // BUG(safedelete-lookup-before-erase): the iterator from find() is at hand, yet erase(key) searches again
    sessions_.erase(key);
  }
}

void SessionCache::expireFixed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it != sessions_.end()) {
    std::cerr << "[sessions] expiring session of " << it->second.user << "\n";
    // OK: reuses the iterator from find()
    sessions_.erase(it);
  }
}

bool SessionCache::remove(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // BUG(safedelete-lookup-before-erase): erase(key) already reports whether something was removed
  if (sessions_.count(key)) {
    sessions_.erase(key);
    return true;
  }
  return false;
}

bool SessionCache::removeFixed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  // OK: the return value of erase(key) is the answer
  return sessions_.erase(key) != 0;
}

void SessionCache::logout(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) {
    return;
  }
  const Session& session = it->second;
  sessions_.erase(it);
  // BUG(safedelete-use-after-erase): session refers into the node erased just above
  std::cerr << "[sessions] logout user=" << session.user << "\n";
}

void SessionCache::logoutFixed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) {
    return;
  }
  // OK: copy what is still needed before erasing the element
  const std::string user = it->second.user;
  sessions_.erase(it);
  std::cerr << "[sessions] logout user=" << user << "\n";
}

std::size_t SessionCache::purgeExpired(Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  std::size_t purged = 0;
  for (const auto& [key, session] : sessions_) {
    if (session.expires_at <= now) {
      // BUG(safedelete-erase-during-iteration): erasing the current element invalidates the range-for iterator
      sessions_.erase(key);
      ++purged;
    }
  }
  return purged;
}

std::size_t SessionCache::purgeExpiredFixed(Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  std::size_t purged = 0;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.expires_at <= now) {
      // OK: continue from the iterator returned by erase
      it = sessions_.erase(it);
      ++purged;
    } else {
      ++it;
    }
  }
  return purged;
}

bool SessionCache::isRevoked(const std::string& token) const {
  std::shared_lock<std::shared_mutex> lock(revoked_mu_);
  return revoked_.find(token) != revoked_.end();
}

void SessionCache::revoke(const std::string& token) {
  std::unique_lock<std::shared_mutex> lock(revoked_mu_);
  revoked_.insert(token);
}

void SessionCache::unrevoke(const std::string& token) {
  std::shared_lock<std::shared_mutex> lock(revoked_mu_);
  // BUG(safedelete-unlocked-erase): a reader (shared) lock does not allow modifying revoked_
  revoked_.erase(token);
}

void SessionCache::unrevokeFixed(const std::string& token) {
  std::unique_lock<std::shared_mutex> lock(revoked_mu_);
  // OK: exclusive lock held for the erase
  revoked_.erase(token);
}
