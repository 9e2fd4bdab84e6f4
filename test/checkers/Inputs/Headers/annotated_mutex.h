// A project mutex and guard known only by Clang's thread-safety attributes,
// spelled as bitcoin spells them (sync.h, threadsafety.h).
#pragma once

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define EXCLUSIVE_LOCKS_REQUIRED(...)                                          \
  __attribute__((exclusive_locks_required(__VA_ARGS__)))
#define SHARED_LOCKS_REQUIRED(...)                                             \
  __attribute__((shared_locks_required(__VA_ARGS__)))
#define LOCK_RETURNED(x) __attribute__((lock_returned(x)))

class CAPABILITY("mutex") Mutex {
public:
  void lock() ACQUIRE();
  void unlock() RELEASE();
};

class SCOPED_CAPABILITY Lock {
public:
  explicit Lock(Mutex &mu) ACQUIRE(mu);
  ~Lock() RELEASE();
};
