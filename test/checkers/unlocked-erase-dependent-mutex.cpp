// Templates whose mutex type is a template parameter: the guards and the
// lock()/unlock() calls on it count as on any other mutex.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

template <class Mutex> class Cache {
public:
  void put(int k) {
    std::lock_guard<Mutex> held(mu_);
    m_[k] = 1;
  }

  // ===== Flagged =====
  void drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropDeferred(int k) {
    std::unique_lock<Mutex> lk(mu_, std::defer_lock);
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropAfterUnlock(int k) {
    std::unique_lock<Mutex> lk(mu_);
    m_[k] = 2;
    lk.unlock();
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropAfterManualUnlock(int k) {
    mu_.lock();
    m_[k] = 3;
    mu_.unlock();
    m_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropShared(int k) {
    std::shared_lock<Mutex> reader(mu_);
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' while 'mu_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
  }

  // ===== Silent =====
  void dropHeld(int k) {
    std::lock_guard<Mutex> held(mu_);
    m_.erase(k);
  }
  void dropBraced(int k) {
    std::lock_guard<Mutex> held{mu_};
    m_.erase(k);
  }
  void dropScoped(int k) {
    std::scoped_lock held(mu_);
    m_.erase(k);
  }
  void dropUnique(int k) {
    std::unique_lock<Mutex> lk(mu_);
    m_.erase(k);
  }
  void dropRelocked(int k) {
    std::unique_lock<Mutex> lk(mu_);
    lk.unlock();
    lk.lock();
    m_.erase(k);
  }
  void dropManual(int k) {
    mu_.lock();
    m_.erase(k);
    mu_.unlock();
  }
  void dropExclusive(int k) {
    std::unique_lock<Mutex> writer(mu_);
    m_.erase(k);
  }
  void notGuarded(int k) { others_.erase(k); }

private:
  Mutex mu_;
  std::map<int, int> m_, others_;
};
template class Cache<std::shared_mutex>;

// lock() of a class template specialization (std::weak_ptr<T>) is not a
// mutex: it neither holds anything nor makes what follows guarded.
template <class T> class Watch {
public:
  void poll(int k) {
    watched_.lock();
    seen_[k] = 1;
  }
  void forget(int k) { seen_.erase(k); }

private:
  std::weak_ptr<T> watched_;
  std::map<int, int> seen_;
};

// A mutex of a dependent base: the guard cannot name it, so it holds
// everything.
template <class Base> class Derived : public Base {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mine_);
    m_[k] = 1;
  }
  void drop(int k) {
    std::lock_guard<typename Base::mutex_type> held(this->base_mu_);
    m_.erase(k);
  }

private:
  std::mutex mine_;
  std::map<int, int> m_;
};

// The mutex type comes from a policy (a dependent name).
template <class Policy> class Registry {
public:
  void put(int k) {
    std::lock_guard<typename Policy::mutex_type> held(mu_);
    m_[k] = 1;
  }
  void dropManual(int k) {
    mu_.lock();
    m_.erase(k);
    mu_.unlock();
  }
  void drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  typename Policy::mutex_type mu_;
  std::map<int, int> m_;
};
