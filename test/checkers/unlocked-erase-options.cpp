// Every list option replaces its default: a code base with its own mutex,
// guards, containers and naming. (The list form of CheckOptions is the one
// every supported clang-tidy reads, 14 included.)
// RUN: %check_clang_tidy %s safedelete-unlocked-erase %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-unlocked-erase.MutexTypes, value: '::base::Lock'}, \
// RUN:     {key: safedelete-unlocked-erase.LockGuardTypes, value: '::base::AutoLock'}, \
// RUN:     {key: safedelete-unlocked-erase.SharedLockGuardTypes, value: '::base::ReadLock'}, \
// RUN:     {key: safedelete-unlocked-erase.EraseMethods, value: 'Remove*;Clear;::base::EraseAll'}, \
// RUN:     {key: safedelete-unlocked-erase.LockedFunctionPattern, value: '^unsafe'}, \
// RUN:     {key: safedelete-unlocked-erase.ThreadSafeContainerTypes, value: '::base::SafeMap'}]}"

namespace base {
class Lock {
public:
  void Acquire();
  void Release();
  void AssertAcquired() const;
};
class AutoLock {
public:
  explicit AutoLock(Lock *lock);
  ~AutoLock();
};
class ReadLock {
public:
  explicit ReadLock(Lock &lock);
  ~ReadLock();
};
template <class K, class V> class Map {
public:
  unsigned long size() const;
  void Insert(const K &k, const V &v);
  void Remove(const K &k);
  void RemoveAll();
  void Clear();
  void erase(const K &k);
};
template <class K, class V> class SafeMap : public Map<K, V> {};
template <class K, class V> void EraseAll(Map<K, V> &m);
} // namespace base

class Cache {
  base::Lock lock_;
  base::Map<int, int> map_;
  base::SafeMap<int, int> safe_;

public:
  void Put(int k) {
    base::AutoLock hold(&lock_);
    map_.Insert(k, 1);
    safe_.Insert(k, 1);
  }
  void Drop(int k) {
    map_.Remove(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Remove' modifies 'map_' without holding 'lock_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void DropAll() {
    map_.RemoveAll();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'RemoveAll' modifies 'map_'
  }
  void Reset() {
    map_.Clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Clear' modifies 'map_'
  }
  void ResetFree() {
    base::EraseAll(map_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'base::EraseAll' modifies 'map_'
  }
  // The default suffixes are replaced by '^unsafe'.
  void dropLocked(int k) {
    map_.Remove(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Remove' modifies 'map_'
  }
  void DropShared(int k) {
    base::ReadLock reader(lock_);
    map_.Remove(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Remove' modifies 'map_' while 'lock_' is held only shared
  }

  // Silent look-alikes.
  void DropHeld(int k) {
    base::AutoLock hold(&lock_);
    map_.Remove(k);
  }
  void DropManual(int k) {
    lock_.Acquire();
    map_.Remove(k);
    lock_.Release();
  }
  void DropAsserted(int k) {
    lock_.AssertAcquired();
    map_.Remove(k);
  }
  void unsafeDrop(int k) { map_.Remove(k); }
  // 'erase' is not in the configured list.
  void DropStd(int k) { map_.erase(k); }
  // A thread-safe container type.
  void DropSafe(int k) { safe_.Remove(k); }
};
