#pragma once
// Minimal boost/thread/mutex.hpp and locks for the lit tests.
namespace boost {
class mutex {
public:
  void lock();
  void unlock();
};
template <class M> class lock_guard {
public:
  explicit lock_guard(M &m);
  ~lock_guard();
};
template <class M> class unique_lock {
public:
  explicit unique_lock(M &m);
  ~unique_lock();
  void unlock();
};
} // namespace boost
