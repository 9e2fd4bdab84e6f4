// A modification made before the object starts its thread runs alone
// (issue 12, class 8: i2pd's NetDb::Start and the Load it calls first);
// one made in Stop() before the thread is joined races with it.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <string>
#include <thread>

class NetDb {
public:
  // ===== Silent: no other thread yet =====
  void Start() {
    Load();
    m_RouterInfos.erase("self");
    m_IsRunning = true;
    m_Thread = new std::thread([this] { Run(); });
  }

  // ===== Flagged: Run() still executes until the join =====
  void Stop() {
    m_RouterInfos.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'clear' modifies 'm_RouterInfos' without holding 'm_RouterInfosMutex', the mutex that guards it [safedelete-unlocked-erase]
    m_IsRunning = false;
    m_Thread->join();
  }
  // The thread runs already when this starts another one.
  void Restart() {
    m_Thread = new std::thread([this] { Run(); });
    m_RouterInfos.erase("self");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'erase' modifies 'm_RouterInfos' without holding 'm_RouterInfosMutex', the mutex that guards it [safedelete-unlocked-erase]
    m_Other = new std::thread([this] { Run(); });
  }
  // Reload() is also called while the thread runs.
  void Reload() { Refill(); }

  int Find(const std::string &k) {
    std::lock_guard<std::mutex> l(m_RouterInfosMutex);
    return m_RouterInfos.count(k) != 0;
  }

private:
  // ===== Silent: only Start() calls it, before the thread =====
  void Load() { m_RouterInfos.clear(); }
  void Refill() {
    m_RouterInfos.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'clear' modifies 'm_RouterInfos' without holding 'm_RouterInfosMutex', the mutex that guards it [safedelete-unlocked-erase]
  }
  void Run() {
    while (m_IsRunning) {
      std::lock_guard<std::mutex> l(m_RouterInfosMutex);
      m_RouterInfos.emplace("peer", 2);
    }
  }
  bool m_IsRunning = false;
  std::thread *m_Thread = nullptr;
  std::thread *m_Other = nullptr;
  std::mutex m_RouterInfosMutex;
  std::map<std::string, int> m_RouterInfos;
};
