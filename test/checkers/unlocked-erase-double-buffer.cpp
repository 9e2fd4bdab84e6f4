// The double-buffer idiom: under the lock, the shared queue's contents move
// to a member that only the consuming thread uses, which is then drained
// without the lock. Regression: false positives found while reading
// an-tao/trantor's AsyncFileLogger::logThreadFunc (63a4e5e).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <deque>
#include <mutex>
#include <string>
#include <utility>

class Logger {
public:
  void push(const std::string &s) {
    std::lock_guard<std::mutex> held(mu_);
    pending_.push_back(s);
  }

  // ===== Silent =====
  void drainSwapped() {
    {
      std::lock_guard<std::mutex> held(mu_);
      writing_.swap(pending_);
    }
    while (!writing_.empty())
      writing_.pop_front();
  }
  void drainStdSwapped() {
    {
      std::lock_guard<std::mutex> held(mu_);
      std::swap(writing2_, pending_);
    }
    writing2_.clear();
  }
  void drainMoved() {
    {
      std::lock_guard<std::mutex> held(mu_);
      writing3_ = std::move(pending_);
      pending_.clear();
    }
    writing3_.clear();
  }

  // ===== Flagged: the shared side stays guarded =====
  void dropPending() {
    pending_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'clear' modifies 'pending_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  // The receiving side is modified under the lock elsewhere too (a read
  // under it alone would not show that mu_ guards it).
  void peek() {
    std::lock_guard<std::mutex> held(mu_);
    writing4_.clear();
    writing4_ = std::move(pending_);
  }
  void dropWriting() {
    writing4_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'clear' modifies 'writing4_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  std::mutex mu_;
  std::deque<std::string> pending_, writing_, writing2_, writing3_, writing4_;
};
