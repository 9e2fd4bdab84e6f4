// C++20 library removal functions, against the real libstdc++.
// RUN: %check_clang_tidy -real-stdlib -std=c++20 %s safedelete-unlocked-erase %t

#include <mutex>
#include <vector>

class Ids {
public:
  void add(int v) {
    std::scoped_lock lock(mu_);
    ids_.push_back(v);
  }
  void dropNegative() {
    std::erase_if(ids_, [](int v) { return v < 0; });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::erase_if' modifies 'ids_' without holding 'mu_'
  }

private:
  std::mutex mu_;
  std::vector<int> ids_;
};
