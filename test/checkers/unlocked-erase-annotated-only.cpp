// InferFromUsage: false -- only GUARDED_BY members count as guarded.
// RUN: %check_clang_tidy %s safedelete-unlocked-erase %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-unlocked-erase.InferFromUsage, value: false}]}"

#include <map>
#include <mutex>

#define GUARDED_BY(x) __attribute__((guarded_by(x)))

class Cache {
  std::mutex mu_;
  std::map<int, int> annotated_ GUARDED_BY(mu_);
  std::map<int, int> inferred_;

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    annotated_[k] = 1;
    inferred_[k] = 1;
  }
  void drop(int k) {
    annotated_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' modifies 'annotated_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
    // CHECK-FIXES-NEXT: annotated_.erase(k);
  }
  void dropInferred(int k) { inferred_.erase(k); }
};
