// The notes point at the evidence and say why no guard is inserted.
// RUN: %check_clang_tidy -std=c++17 %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <shared_mutex>

class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  std::map<int, int> n_; // no lock shows: erased below without a warning
  std::shared_mutex rw_;
  std::map<int, int> r_;

  void dropOne(int k) { m_.erase(k); }

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    m_[k] = 1;
    std::shared_lock<std::shared_mutex> reader(rw_);
    r_[k] = 1;
  }
  void evict(int k) {
    m_.erase(k);
  }
  void evictAnnotated(int k) {
    n_.erase(k);
  }
  static void evictOther(Cache &other, int k) {
    other.m_.erase(k);
  }
  void a(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    dropOne(k);
  }
  void b(int k) {
    dropOne(k);
  }
  void deferred(int k) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    m_.erase(k);
    lk.lock();
  }
  void shared(int k) {
    std::shared_lock<std::shared_mutex> reader(rw_);
    r_.erase(k);
  }
  void sharedManual(int k) {
    rw_.lock_shared();
    r_.erase(k);
    rw_.unlock_shared();
  }
};
// A class that annotates what its mutex guards: the note points at the
// annotation.
class Annotated {
  std::mutex mu_;
  std::map<int, int> n_ __attribute__((guarded_by(mu_)));

public:
  void evict(int k) {
    n_.erase(k);
  }
};

// CHECK-NOTES: :15:28: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
// CHECK-NOTES: :38:5: note: 'dropOne' is called here without 'mu_' held
// CHECK-NOTES: :15:28: note: some callers of 'dropOne' hold 'mu_' already; a guard added here would deadlock them
// CHECK-NOTES: :20:5: note: 'm_' is used with 'mu_' held here
// CHECK-NOTES: :25:8: warning: 'erase' modifies 'm_' without holding 'mu_'
// CHECK-NOTES: :20:5: note: 'm_' is used with 'mu_' held here
// CHECK-NOTES: :31:14: warning: 'erase' modifies 'other.m_' without holding 'other.mu_'
// CHECK-NOTES: :31:14: note: hold 'other.mu_' while calling 'erase'
// CHECK-NOTES: :20:5: note: 'm_' is used with 'mu_' held here
// CHECK-NOTES: :42:8: warning: 'erase' modifies 'm_' without holding 'mu_'
// CHECK-NOTES: :42:8: note: 'mu_' is also locked elsewhere in this function; a guard added here must not overlap that lock
// CHECK-NOTES: :20:5: note: 'm_' is used with 'mu_' held here
// CHECK-NOTES: :47:8: warning: 'erase' modifies 'r_' while 'rw_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
// CHECK-NOTES: :46:41: note: the whole scope of 'reader' becomes exclusive
// CHECK-NOTES: :22:5: note: 'r_' is used with 'rw_' held here
// CHECK-NOTES: :51:8: warning: 'erase' modifies 'r_' while 'rw_' is held only shared
// CHECK-NOTES: :50:5: note: 'rw_' is held only shared here
// CHECK-NOTES: :22:5: note: 'r_' is used with 'rw_' held here
// CHECK-NOTES: :63:8: warning: 'erase' modifies 'n_' without holding 'mu_'
// CHECK-NOTES: :59:40: note: 'n_' is declared guarded by 'mu_' here

// CHECK-MESSAGES: :15:28: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
// CHECK-MESSAGES: :25:8: warning: 'erase' modifies 'm_'
// CHECK-MESSAGES: :31:14: warning: 'erase' modifies 'other.m_'
// CHECK-MESSAGES: :42:8: warning: 'erase' modifies 'm_'
// CHECK-MESSAGES: :47:8: warning: 'erase' modifies 'r_'
// CHECK-MESSAGES: :51:8: warning: 'erase' modifies 'r_'
// CHECK-MESSAGES: :63:8: warning: 'erase' modifies 'n_'

// CHECK-FIXES: std::scoped_lock lock(mu_);
// CHECK-FIXES-NEXT: m_.erase(k);
// CHECK-FIXES: std::unique_lock<std::shared_mutex> reader(rw_);
// CHECK-FIXES-NEXT: r_.erase(k);
// CHECK-FIXES: std::scoped_lock lock(mu_);
// CHECK-FIXES-NEXT: n_.erase(k);
