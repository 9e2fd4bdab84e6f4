#pragma once
// Minimal absl/synchronization/mutex.h for the lit tests.
namespace absl {
class Mutex {
public:
  void Lock();
  void Unlock();
  void ReaderLock();
  void ReaderUnlock();
  void AssertHeld() const;
  void AssertReaderHeld() const;
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu);
  ~MutexLock();
};
class ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu);
  ~ReaderMutexLock();
};
class WriterMutexLock {
public:
  explicit WriterMutexLock(Mutex *mu);
  ~WriterMutexLock();
};
} // namespace absl
