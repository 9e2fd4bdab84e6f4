// Half-typed code, as an editor sends it: clang's errors, no warning of ours,
// no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-unlocked-erase' -- -std=c++17 -nostdinc++ \
// RUN:   -isystem %S/Inputs/Headers 2>&1 | FileCheck %s --implicit-check-not=safedelete
// CHECK: error:

#include <map>
#include <mutex>

class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  Undeclared other_;

public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    m_[k] = 1;
    other_.erase(k);
  }
  void drop(int k) {
    m_.erase(k);
    std::lock_guard<std::mutex> lock(undeclared_mu_);
    m_.erase(undeclared);
    m_.erase(k
  }
  template <class T> void dependent(T t) {
    std::lock_guard<T> lock(t);
    t.erase(k);
  }
};
