// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t
// The container families of checks/support/Containers.cpp, one function
// per family, the same list in every check's *-families.cpp test. Adding a
// family is one line of the table there; this list grows with it.
// Every family: a container read with its mutex held is guarded by it; a
// clear without the mutex is flagged, a clear with it is not. Then every
// lock vocabulary (std, Abseil, Boost, Qt) on one container.

#include <container_families.h>

#include <QtCore/QMutex>
#include <absl/synchronization/mutex.h>
#include <boost/thread/mutex.hpp>
#include <mutex>

// ===== Containers =====

class StdMapOwner {
  std::mutex mu;
  std::map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class StdUnorderedMapOwner {
  std::mutex mu;
  std::unordered_map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class StdUnorderedSetOwner {
  std::mutex mu;
  std::unordered_set<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class StdListOwner {
  std::mutex mu;
  std::list<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class StdDequeOwner {
  std::mutex mu;
  std::deque<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class StdVectorOwner {
  std::mutex mu;
  std::vector<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class AbslFlatHashMapOwner {
  std::mutex mu;
  absl::flat_hash_map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class AbslNodeHashMapOwner {
  std::mutex mu;
  absl::node_hash_map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class AbslBtreeMapOwner {
  std::mutex mu;
  absl::btree_map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class AbslBtreeSetOwner {
  std::mutex mu;
  absl::btree_set<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class BoostUnorderedMapOwner {
  std::mutex mu;
  boost::unordered_map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class BoostFlatMapOwner {
  std::mutex mu;
  boost::container::flat_map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class LlvmDenseMapOwner {
  std::mutex mu;
  llvm::DenseMap<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class LlvmSmallVectorOwner {
  std::mutex mu;
  llvm::SmallVector<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class LlvmStringMapOwner {
  std::mutex mu;
  llvm::StringMap<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class QMapOwner {
  std::mutex mu;
  QMap<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class QHashOwner {
  std::mutex mu;
  QHash<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class QListOwner {
  std::mutex mu;
  QList<int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

// ===== Locks =====

class StdLockGuardOwner {
  std::mutex mu;
  std::map<int, int> c;

public:
  int read() {
    std::lock_guard<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::lock_guard<std::mutex> held(mu);
    c.clear();
  }
};

class StdUniqueLockOwner {
  std::mutex mu;
  std::map<int, int> c;

public:
  int read() {
    std::unique_lock<std::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::unique_lock<std::mutex> held(mu);
    c.clear();
  }
};

class StdScopedLockOwner {
  std::mutex mu;
  std::map<int, int> c;

public:
  int read() {
    std::scoped_lock held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
    // CHECK-FIXES: std::scoped_lock lock(mu);
    // CHECK-FIXES-NEXT: c.clear();
  }
  void dropHeld() {
    std::scoped_lock held(mu);
    c.clear();
  }
};

class AbslMutexLockOwner {
  absl::Mutex mu;
  std::map<int, int> c;

public:
  int read() {
    absl::MutexLock held(&mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
  }
  void dropHeld() {
    absl::MutexLock held(&mu);
    c.clear();
  }
};

class BoostLockGuardOwner {
  boost::mutex mu;
  std::map<int, int> c;

public:
  int read() {
    boost::lock_guard<boost::mutex> held(mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
  }
  void dropHeld() {
    boost::lock_guard<boost::mutex> held(mu);
    c.clear();
  }
};

class QMutexLockerOwner {
  QMutex mu;
  std::map<int, int> c;

public:
  int read() {
    QMutexLocker held(&mu);
    return c.size();
  }
  void drop() {
    c.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' modifies 'c' without holding 'mu'
  }
  void dropHeld() {
    QMutexLocker held(&mu);
    c.clear();
  }
};
