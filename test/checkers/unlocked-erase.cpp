// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define EXCLUSIVE_LOCKS_REQUIRED(...)                                          \
  __attribute__((exclusive_locks_required(__VA_ARGS__)))
#define DROP(c, k) c.erase(k)
#define LOCK(m) std::lock_guard<std::mutex> lock_##m(m)

namespace std {
template <class C, class P> unsigned long erase_if(C &c, P p);
template <class T> void swap(T &a, T &b);
} // namespace std

bool flag();
void use(int);

// ===== Flagged: the mutex is not held =====

class Basic {
  std::mutex mu1_;
  std::map<int, int> m1_;

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu1_);
    m1_[k] = 1;
  }
  void evict(int k) {
    m1_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 'm1_' without holding 'mu1_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu1_);
    // CHECK-FIXES-NEXT: m1_.erase(k);
  }
  void evictThis(int k) {
    this->m1_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' modifies 'this->m1_' without holding 'this->mu1_'
    // CHECK-FIXES: this->m1_.erase(k);
  }
  void reset() {
    m1_.clear();
    use(1);
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'clear' modifies 'm1_' without holding 'mu1_'
    // CHECK-FIXES: std::scoped_lock lock(mu1_);
    // CHECK-FIXES-NEXT: m1_.clear();
    // CHECK-FIXES-NEXT: }
  }
  bool evictAndReport(int k) {
    return m1_.erase(k) != 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' modifies 'm1_' without holding 'mu1_'
  }
  void evictIf(int k) {
    if (flag())
      m1_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' modifies 'm1_'
  }
  void evictByMacro(int k) {
    DROP(m1_, k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'erase' modifies 'm1_'
    // CHECK-FIXES: DROP(m1_, k);
  }
  void evictThroughAlias(int k) {
    auto &alias = m1_;
    alias.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' modifies 'alias' without holding 'mu1_'
  }
  void assign() {
    m1_ = std::map<int, int>();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'operator=' modifies 'm1_'
  }
  void swapOut(std::map<int, int> &out) {
    m1_.swap(out);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'swap' modifies 'm1_'
  }
  void swapFree(std::map<int, int> &out) {
    std::swap(out, m1_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::swap' modifies 'm1_'
  }
  void eraseIf() {
    std::erase_if(m1_, [](const auto &) { return true; });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::erase_if' modifies 'm1_'
  }
  // "Unlocked" is not one of the suffixes that say the caller holds it.
  void evictUnlocked(int k) {
    m1_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 'm1_'
  }
};

// The guard's scope ended, was deferred, or it was unlocked.
class Scopes {
  std::mutex mu2_;
  std::set<int> s2_;

public:
  void scopeEnded(int k) {
    {
      std::lock_guard<std::mutex> g(mu2_);
      use(s2_.count(k));
    }
    s2_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's2_' without holding 'mu2_'
  }
  void deferred(int k) {
    std::unique_lock<std::mutex> lk(mu2_, std::defer_lock);
    s2_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's2_' without holding 'mu2_'
    lk.lock();
  }
  void unlockedFirst(int k) {
    std::unique_lock<std::mutex> lk(mu2_);
    use(s2_.count(k));
    lk.unlock();
    s2_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's2_' without holding 'mu2_'
  }
  void manualPair(int k) {
    mu2_.lock();
    use(s2_.count(k));
    mu2_.unlock();
    s2_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'clear' modifies 's2_' without holding 'mu2_'
  }
  void add(int k) {
    std::lock_guard<std::mutex> g(mu2_);
    s2_.insert(k);
  }
};

// Other objects of the same class, through a reference and a pointer.
class Peer {
  std::mutex mu3_;
  std::unordered_map<int, int> m3_;

public:
  void merge(Peer &other) {
    std::lock_guard<std::mutex> lock(other.mu3_);
    other.m3_.clear();
  }
  static void drop(Peer &other, int k) {
    other.m3_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' modifies 'other.m3_' without holding 'other.mu3_'
  }
  static void dropAll(Peer *p) {
    p->m3_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'clear' modifies 'p->m3_' without holding 'p->mu3_'
  }
};

// Static members and namespace-scope variables guarded by a static mutex.
class Registry {
  static std::mutex smu_;
  static std::map<int, int> sm_;

public:
  static void add(int k) {
    std::lock_guard<std::mutex> lock(smu_);
    sm_[k] = 1;
  }
  static void remove(int k) {
    sm_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 'sm_' without holding 'smu_'
    // CHECK-FIXES: std::scoped_lock lock(smu_);
    // CHECK-FIXES-NEXT: sm_.erase(k);
  }
};

std::mutex g_mu;
std::vector<int> g_items;

void addItem(int v) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_items.push_back(v);
}

void dropItem() {
  g_items.erase(g_items.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' modifies 'g_items' without holding 'g_mu'
  // CHECK-FIXES: std::scoped_lock lock(g_mu);
  // CHECK-FIXES-NEXT: g_items.erase(g_items.begin());
}

// Queues: pop* counts as removal.
class Jobs {
  std::mutex mu4_;
  std::deque<int> q4_;

public:
  void push(int v) {
    std::scoped_lock lock(mu4_);
    q4_.push_back(v);
  }
  void dropNewest() {
    q4_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pop_back' modifies 'q4_'
  }
  void dropOldest() {
    q4_.pop_front();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pop_front' modifies 'q4_'
  }
};

// GUARDED_BY settles it without any locked use.
class Annotated {
  std::mutex mu5_;
  std::map<int, int> m5_ GUARDED_BY(mu5_);

public:
  void drop(int k) {
    m5_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 'm5_' without holding 'mu5_'
  }
};

// Dependent code in a template.
template <class K> class TCache {
  std::mutex mu6_;
  std::map<K, int> m6_;

public:
  void put(const K &k) {
    std::lock_guard<std::mutex> lock(mu6_);
    m6_[k] = 1;
  }
  void drop(const K &k) {
    m6_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 'm6_' without holding 'mu6_'
  }
};
template class TCache<int>;

// A private helper called once with the lock and once without.
class Helper {
  std::mutex mu7_;
  std::map<int, int> m7_;

  void dropOne(int k) {
    m7_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 'm7_' without holding 'mu7_'
  }

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu7_);
    m7_[k] = 1;
  }
  void a(int k) {
    std::lock_guard<std::mutex> lock(mu7_);
    dropOne(k);
  }
  void b(int k) { dropOne(k); }
};

// ===== Flagged: the mutex is held only shared =====

class Readers {
  std::shared_mutex rw8_;
  std::set<std::string> s8_;

public:
  bool has(const std::string &v) {
    std::shared_lock<std::shared_mutex> lock(rw8_);
    return s8_.count(v) != 0;
  }
  void remove(const std::string &v) {
    std::shared_lock<std::shared_mutex> reader(rw8_);
    s8_.erase(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's8_' while 'rw8_' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
    // CHECK-FIXES: std::unique_lock<std::shared_mutex> reader(rw8_);
  }
  void removeDeduced(const std::string &v) {
    std::shared_lock readerToo(rw8_);
    s8_.erase(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's8_' while 'rw8_' is held only shared
    // CHECK-FIXES: std::unique_lock readerToo(rw8_);
  }
  void removeManual(const std::string &v) {
    rw8_.lock_shared();
    s8_.erase(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's8_' while 'rw8_' is held only shared
    rw8_.unlock_shared();
  }
  void removeRequiresShared(const std::string &v)
      __attribute__((requires_shared_capability(rw8_))) {
    s8_.erase(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's8_' while 'rw8_' is held only shared
  }
  // The guard is used again: turning it into a unique_lock is left to the
  // author.
  void removeThenUnlock(const std::string &v) {
    std::shared_lock<std::shared_mutex> kept(rw8_);
    s8_.erase(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' modifies 's8_' while 'rw8_' is held only shared
    // CHECK-FIXES: std::shared_lock<std::shared_mutex> kept(rw8_);
    kept.unlock();
  }
};

// ===== Silent: the right lock is held =====

class Held {
  std::mutex mu10_;
  std::mutex other10_;
  std::map<int, int> m10_;
  std::shared_mutex rw10_;
  std::set<int> s10_;

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu10_);
    m10_[k] = 1;
    std::unique_lock<std::shared_mutex> w(rw10_);
    s10_.insert(k);
  }
  void guard(int k) {
    std::lock_guard<std::mutex> lock(mu10_);
    m10_.erase(k);
  }
  void scoped(int k) {
    std::scoped_lock lock(other10_, mu10_);
    m10_.erase(k);
  }
  void unique(int k) {
    std::unique_lock<std::mutex> lk(mu10_);
    m10_.erase(k);
  }
  void deferredThenLocked(int k) {
    std::unique_lock<std::mutex> lk(mu10_, std::defer_lock);
    lk.lock();
    m10_.erase(k);
  }
  void relocked(int k) {
    std::unique_lock<std::mutex> lk(mu10_);
    lk.unlock();
    use(k);
    lk.lock();
    m10_.erase(k);
  }
  void unlockOnOnePath(int k) {
    std::unique_lock<std::mutex> lk(mu10_);
    if (flag()) {
      lk.unlock();
      return;
    }
    m10_.erase(k);
  }
  void manual(int k) {
    mu10_.lock();
    m10_.erase(k);
    mu10_.unlock();
  }
  void manualEarlyExit(int k) {
    mu10_.lock();
    if (flag()) {
      mu10_.unlock();
      return;
    }
    m10_.erase(k);
    mu10_.unlock();
  }
  void conditionalLock(int k) {
    if (flag()) {
      mu10_.lock();
    }
    m10_.erase(k);
  }
  void tryLock(int k) {
    if (mu10_.try_lock()) {
      m10_.erase(k);
      mu10_.unlock();
    }
  }
  void severalScopesUp(int k) {
    std::lock_guard<std::mutex> lock(mu10_);
    for (int i = 0; i < k; ++i) {
      if (flag()) {
        while (flag()) {
          m10_.erase(i);
        }
      }
    }
  }
  void ifInit(int k) {
    if (std::lock_guard<std::mutex> lock(mu10_); flag())
      m10_.erase(k);
  }
  void adopted(int k) {
    std::lock(mu10_, other10_);
    std::lock_guard<std::mutex> a(mu10_, std::adopt_lock);
    std::lock_guard<std::mutex> b(other10_, std::adopt_lock);
    m10_.erase(k);
  }
  void byMacro(int k) {
    LOCK(mu10_);
    m10_.erase(k);
  }
  void exclusiveOnShared(int k) {
    std::unique_lock<std::shared_mutex> w(rw10_);
    s10_.erase(k);
  }
  void exclusiveManual(int k) {
    rw10_.lock();
    s10_.clear();
    rw10_.unlock();
  }
  std::unique_lock<std::mutex> acquire();
  void guardFromAFunction(int k) {
    auto lk = acquire();
    m10_.erase(k);
  }
  void guardMovedIn(std::unique_lock<std::mutex> &other, int k) {
    std::unique_lock<std::mutex> lk(static_cast<std::unique_lock<std::mutex> &&>(other));
    m10_.erase(k);
  }
  void lambdaUnderLock(int k) {
    std::lock_guard<std::mutex> lock(mu10_);
    auto f = [&] { m10_.erase(k); };
    f();
  }
  // Any mutex of the object held while the map is used counts as one that
  // guards it: here other10_ does, so the check cannot tell which is right.
  void otherMutexOfTheObject(int k) {
    std::lock_guard<std::mutex> lock(other10_);
    m10_.erase(k);
  }
  void readOnly(int k) {
    use(m10_.count(k));
    use(static_cast<int>(m10_.size()));
  }
};

// ===== Silent: the function may assume the lock =====

class Assumed {
  std::mutex mu11_;
  std::map<int, int> m11_;

public:
  Assumed() { m11_.clear(); }
  ~Assumed() { m11_.clear(); }
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu11_);
    m11_[k] = 1;
    evictLocked(k);
  }
  void evictLocked(int k) { m11_.erase(k); }
  void evict_locked(int k) { m11_.erase(k); }
  void evictNoLock(int k) { m11_.erase(k); }
  void requires1(int k) REQUIRES(mu11_) { m11_.erase(k); }
  void requires2(int k) EXCLUSIVE_LOCKS_REQUIRED(mu11_);
  void viaLambda(int k) {
    // Where the lambda runs is unknown.
    run([this, k] { m11_.erase(k); });
  }
  template <class F> void run(F f);

private:
  void dropAlwaysLocked(int k) { m11_.erase(k); }
  void dropNeverCalledHere(int k) { m11_.erase(k); }
  void dropViaLockedCaller(int k) { m11_.erase(k); }
  void dropRecursive(int k) {
    m11_.erase(k);
    if (k > 0)
      dropRecursive(k - 1);
  }

public:
  void a(int k) {
    std::lock_guard<std::mutex> lock(mu11_);
    dropAlwaysLocked(k);
    dropRecursive(k);
  }
  void b(int k) {
    mu11_.lock();
    dropAlwaysLocked(k);
    mu11_.unlock();
  }
  void cLocked(int k) { dropViaLockedCaller(k); }
};

void Assumed::requires2(int k) { m11_.erase(k); }

// ===== Silent: not shared as far as the code shows, or not the same =====

class NeverLocked {
  std::mutex mu12_;
  std::map<int, int> m12_;

public:
  void drop(int k) { m12_.erase(k); }
};

class Copies {
  std::mutex mu13_;
  std::map<int, int> m13_;

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu13_);
    m13_[k] = 1;
  }
  void dropFromCopy(int k) {
    std::map<int, int> copy = m13_;
    copy.erase(k);
  }
  void dropFromLocal(int k) {
    std::map<int, int> local;
    local.erase(k);
  }
  // Holding our own lock while erasing another object's map: that object
  // may be this one.
  void dropFromOther(Copies &other, int k) {
    std::lock_guard<std::mutex> lock(mu13_);
    other.m13_.erase(k);
  }
  void dropFromOtherLocked(Copies &other, int k) {
    std::lock_guard<std::mutex> lock(other.mu13_);
    other.m13_.erase(k);
  }
  // The other object's lock, released before the erase (rpclib's
  // close_session shape, with the unlock moved): held by nobody.
  void dropFromOtherReleased(Copies &other, int k) {
    std::unique_lock<std::mutex> lock(other.mu13_);
    lock.unlock();
    other.m13_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' modifies 'other.m13_' without holding 'other.mu13_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropFromOtherUnlocked(Copies *other, int k) {
    other->mu13_.lock();
    other->mu13_.unlock();
    other->m13_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'erase' modifies 'other->m13_' without holding 'other->mu13_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void dropFromOtherRelocked(Copies &other, int k) {
    std::unique_lock<std::mutex> lock(other.mu13_);
    lock.unlock();
    lock.lock();
    other.m13_.erase(k);
  }
};

// A mutex of another class is held: it guards nothing here.
struct Outer {
  std::mutex mu14_;
};
class UsesOuter {
  std::map<int, int> m14_;

public:
  void f(Outer &o, int k) {
    std::lock_guard<std::mutex> lock(o.mu14_);
    m14_[k] = 1;
  }
  void g(int k) { m14_.erase(k); }
};

// Containers of thread-safe types are not flagged.
namespace tbb {
template <class K, class V> class concurrent_hash_map {
public:
  unsigned long size() const;
  bool erase(const K &k);
};
} // namespace tbb
class Concurrent {
  std::mutex mu15_;
  tbb::concurrent_hash_map<int, int> m15_;

public:
  void f() {
    std::lock_guard<std::mutex> lock(mu15_);
    use(static_cast<int>(m15_.size()));
  }
  void g(int k) { m15_.erase(k); }
};

// A static container under a member mutex is not inferred.
class StaticUnderMember {
  std::mutex mu16_;
  static std::map<int, int> sm16_;

public:
  void f(int k) {
    std::lock_guard<std::mutex> lock(mu16_);
    sm16_[k] = 1;
  }
  static void g(int k) { sm16_.erase(k); }
};

// Templates: held in the pattern.
template <class K> class TSafe {
  std::mutex mu17_;
  std::map<K, int> m17_;

public:
  void put(const K &k) {
    std::lock_guard<std::mutex> lock(mu17_);
    m17_[k] = 1;
  }
  void drop(const K &k) {
    std::lock_guard<std::mutex> lock(mu17_);
    m17_.erase(k);
  }
};
template class TSafe<int>;

// Regression (libhv cpputil/LRUCache.h): a protected helper of a class
// template, called with a dependent argument, only with the lock held.
namespace regression_libhv_lru {
template <class K> class LRU {
public:
  void put(const K &k, std::vector<K> &evicted) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (map_.size() > 8)
      evictOne(evicted);
    map_[k] = 1;
  }

protected:
  void evictOne(std::vector<K> &evicted) {
    map_.erase(evicted[0]);
  }
  std::mutex mutex_;
  std::map<K, int> map_;
};
} // namespace regression_libhv_lru

// A protected helper called once without the lock is flagged.
class ProtectedHelper {
public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu18_);
    m18_[k] = 1;
  }
  void dropUnlocked(int k) { dropOne(k); }

protected:
  void dropOne(int k) {
    m18_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' modifies 'm18_' without holding 'mu18_'
  }
  std::mutex mu18_;
  std::map<int, int> m18_;
};
