// The default ThreadStartFunctions: asio::post, boost::asio::post and
// QThreadPool::start run their function on another thread; functions of the
// same name elsewhere do not count.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <QtCore/QThreadPool>
#include <asio/post.hpp>
#include <boost/asio/post.hpp>
#include <map>
#include <mutex>

namespace mylib {
template <class Executor, class F> void post(Executor &ex, F &&f) { f(); }
} // namespace mylib
class Widget {
public:
  template <class F> void start(F &&f) { f(); }
};

class Registry {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
  }

  // ===== Flagged =====
  void asioPost(asio::io_context &io, int k) {
    std::lock_guard<std::mutex> held(mu_);
    asio::post(io, [this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void boostAsioPost(boost::asio::io_context &io) {
    std::lock_guard<std::mutex> held(mu_);
    boost::asio::post(io, [this] { m_.clear(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'clear' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void qtPool(int k) {
    std::lock_guard<std::mutex> held(mu_);
    QThreadPool::globalInstance()->start([this, k] { m_.erase(k); });
    // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void asioPostThroughVariable(asio::io_context &io, int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto task = [this, k] { m_.erase(k); };
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'erase' modifies 'm_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    asio::post(io, task);
  }

  // ===== Silent =====
  // Another library's post, another class's start: run here, under the lock.
  void otherPost(asio::io_context &io, int k) {
    std::lock_guard<std::mutex> held(mu_);
    mylib::post(io, [this, k] { m_.erase(k); });
  }
  void otherStart(Widget &w, int k) {
    std::lock_guard<std::mutex> held(mu_);
    w.start([this, k] { m_.erase(k); });
  }
  void asioPostLocksInside(asio::io_context &io, int k) {
    asio::post(io, [this, k] {
      std::lock_guard<std::mutex> held(mu_);
      m_.erase(k);
    });
  }
  void qtPoolLocksInside(int k) {
    QThreadPool::globalInstance()->start([this, k] {
      std::scoped_lock held(mu_);
      m_.erase(k);
    });
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
