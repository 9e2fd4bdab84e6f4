#include "cache/cache.h"

void Cache::put(int id, std::string v) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_[id] = std::move(v);
}

void Cache::drop(int id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (entries_.count(id))
    entries_.erase(id);
}

void Cache::forget(int id) { entries_.erase(id); }

void Cache::sweep() {
#ifdef CACHE_SWEEP
  std::lock_guard<std::mutex> lock(mu_);
  for (auto &[id, v] : entries_)
    if (v.empty())
      entries_.erase(id);
#endif
}
