// ThreadJoinFunctions names methods, defined in other translation units,
// that join the thread members of their class when called on the object
// (i2pd's RunnableService::StopIOService, issue 12: SSU2.cpp:165). After
// such a call, teardown of a container that only the object's own code
// uses under its mutex is silent. A call before the erase, on another
// object, a join function of an unrelated class, or a container that other
// components read through a public method under the lock stays reported.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-unlocked-erase.ThreadJoinFunctions, value: '::util::RunnableService::StopIOService;Pool::Wait'}]}"

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace util {
class RunnableService {
protected:
  void StartIOService();
  void StopIOService();

private:
  std::unique_ptr<std::thread> m_Thread;
};
} // namespace util

class Pool {
public:
  void Wait();
};

// The queue is used under its mutex only by each object's private code.
class Server : private util::RunnableService {
public:
  void Stop() {
    StopIOService();
    m_Queue.clear();
  }
private:
  void Insert(int *packet) {
    std::lock_guard<std::mutex> lock(m_QueueMutex);
    m_Queue.push_back(packet);
  }
  Pool m_Pool;
  std::mutex m_QueueMutex;
  std::list<int *> m_Queue;
};

class EarlyServer : private util::RunnableService {
public:
  void StopEarly() {
    m_Queue.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'clear' modifies 'm_Queue' without holding 'm_QueueMutex', the mutex that guards it [safedelete-unlocked-erase]
    StopIOService();
  }
private:
  void Insert(int *packet) {
    std::lock_guard<std::mutex> lock(m_QueueMutex);
    m_Queue.push_back(packet);
  }
  Pool m_Pool;
  std::mutex m_QueueMutex;
  std::list<int *> m_Queue;
};

class OtherServer : private util::RunnableService {
public:
  void StopOther(OtherServer &other) {
    other.StopIOService();
    m_Queue.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'clear' modifies 'm_Queue' without holding 'm_QueueMutex', the mutex that guards it [safedelete-unlocked-erase]
  }
private:
  void Insert(int *packet) {
    std::lock_guard<std::mutex> lock(m_QueueMutex);
    m_Queue.push_back(packet);
  }
  Pool m_Pool;
  std::mutex m_QueueMutex;
  std::list<int *> m_Queue;
};

class PoolServer : private util::RunnableService {
public:
  void StopPool() {
    m_Pool.Wait();
    m_Queue.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'clear' modifies 'm_Queue' without holding 'm_QueueMutex', the mutex that guards it [safedelete-unlocked-erase]
  }
private:
  void Insert(int *packet) {
    std::lock_guard<std::mutex> lock(m_QueueMutex);
    m_Queue.push_back(packet);
  }
  Pool m_Pool;
  std::mutex m_QueueMutex;
  std::list<int *> m_Queue;
};

// Another component reads the sessions through a public method under the
// lock: joining the object's own thread does not stop it.
class SessionServer : private util::RunnableService {
public:
  void StopSessions() {
    StopIOService();
    m_Sessions.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'clear' modifies 'm_Sessions' without holding 'm_SessionsMutex', the mutex that guards it [safedelete-unlocked-erase]
  }
  int CountSessions() {
    std::lock_guard<std::mutex> lock(m_SessionsMutex);
    return static_cast<int>(m_Sessions.size());
  }

private:
  void AddSession(int k) {
    std::lock_guard<std::mutex> lock(m_SessionsMutex);
    m_Sessions[k] = k;
  }
  std::mutex m_SessionsMutex;
  std::map<int, int> m_Sessions;
};
