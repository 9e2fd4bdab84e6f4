// A file with no #include at all (the library comes from -include): the
// inserted guard comes with #include <mutex>.
// RUN: %check_clang_tidy -std=c++11,c++14 -check-suffixes=ALL,CXX11 %s safedelete-unlocked-erase %t -- -- -include mutex -include map
// RUN: %check_clang_tidy -std=c++17-or-later -check-suffixes=ALL,CXX17 %s safedelete-unlocked-erase %t -- -- -include mutex -include map
// RUN: %check_clang_tidy -real-stdlib -std=c++11,c++14 -check-suffixes=ALL,CXX11 %s safedelete-unlocked-erase %t -- -- -include mutex -include map
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later -check-suffixes=ALL,CXX17 %s safedelete-unlocked-erase %t -- -- -include mutex -include map

// CHECK-FIXES-ALL: #include <mutex>

class Registry {
public:
  void put(int k, int v) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = v;
  }
  void drop(int k) {
    m_.erase(k);
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:8: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES-CXX11: std::lock_guard<std::mutex> lock(mu_);
    // CHECK-FIXES-CXX17: std::scoped_lock lock(mu_);
    // CHECK-FIXES-ALL-NEXT: m_.erase(k);
  }
  void reset() {
    m_.clear();
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:8: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES-CXX11: std::lock_guard<std::mutex> lock(mu_);
    // CHECK-FIXES-CXX17: std::scoped_lock lock(mu_);
    // CHECK-FIXES-ALL-NEXT: m_.clear();
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
