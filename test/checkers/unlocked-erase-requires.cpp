// Locks a function requires on entry, named as bitcoin names them: through
// a parameter (`EXCLUSIVE_LOCKS_REQUIRED(node.cs_vSend)`, written on the
// declaration in a header and the definition elsewhere) and through an
// accessor marked LOCK_RETURNED (`EXCLUSIVE_LOCKS_REQUIRED(GetMutex())`).
// bitcoin net.cpp:1682, net_processing.cpp:2810, validation.h:1161 (issue 12).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <deque>
#include <map>
#include <vector>

#include <annotated_mutex.h>

struct Node {
  Mutex cs_vSend;
  std::deque<int> vSendMsg GUARDED_BY(cs_vSend);
  std::deque<int> vRecvMsg;
};

// ===== Silent: the caller holds the lock the function requires =====

void SocketSendData(Node &node) EXCLUSIVE_LOCKS_REQUIRED(node.cs_vSend);
void SocketSendData(Node &node) { node.vSendMsg.pop_front(); }

void SendThrough(Node *pnode) EXCLUSIVE_LOCKS_REQUIRED(pnode->cs_vSend) {
  pnode->vSendMsg.erase(pnode->vSendMsg.begin());
}

extern Mutex cs_main;

class ChainstateManager {
public:
  Mutex &GetMutex() const LOCK_RETURNED(::cs_main) { return ::cs_main; }
  void RemoveChainstate() EXCLUSIVE_LOCKS_REQUIRED(GetMutex()) {
    m_chainstates.erase(m_chainstates.begin());
  }
  void ClearUnderAccessor() {
    Lock guard(GetMutex());
    m_chainstates.clear();
  }

private:
  std::vector<int> m_chainstates GUARDED_BY(::cs_main);
};

class Peer {
public:
  Mutex &QueueMutex() LOCK_RETURNED(m_mutex) { return m_mutex; }
  std::map<int, int> m_queue GUARDED_BY(m_mutex);

private:
  Mutex m_mutex;
};

void DrainPeer(Peer &peer) EXCLUSIVE_LOCKS_REQUIRED(peer.QueueMutex()) {
  peer.m_queue.clear();
}

// bitcoin's LOCK(cs) passes the mutex through a function that returns it.
template <typename M> M &MaybeCheckNotHeld(M &m) LOCK_RETURNED(m) { return m; }
#define LOCK(cs) Lock criticalblock(MaybeCheckNotHeld(cs))

class BanMan {
public:
  void ClearBanned() {
    LOCK(m_banned_mutex);
    m_banned.clear();
  }
  void Unban(int subnet) {
    LOCK(m_banned_mutex);
    m_banned.erase(subnet);
  }
  void UnbanUnderOther(int subnet) {
    LOCK(m_other_mutex);
    m_banned.erase(subnet);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'erase' modifies 'm_banned' without holding 'm_banned_mutex', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  Mutex m_banned_mutex, m_other_mutex;
  std::map<int, int> m_banned GUARDED_BY(m_banned_mutex);
};

// ===== Flagged: the lock required is another object's or another mutex =====

void SendOther(Node &node, Node &other) EXCLUSIVE_LOCKS_REQUIRED(other.cs_vSend) {
  node.vSendMsg.pop_front();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'pop_front' modifies 'node.vSendMsg' without holding 'node.cs_vSend', the mutex that guards it [safedelete-unlocked-erase]
}

void SendShared(Node &node) SHARED_LOCKS_REQUIRED(node.cs_vSend) {
  node.vSendMsg.pop_front();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'pop_front' modifies 'node.vSendMsg' while 'node.cs_vSend' is held only shared; modifying it needs the lock exclusively [safedelete-unlocked-erase]
}

// The lock required on entry, released in the body before the erase (as
// clang's -Wthread-safety also says): leveldb's WriteLevel0Table shape,
// with the unlock moved (issue 12).
class Table {
public:
  void EraseUnlocked(int k) EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    mu_.unlock();
    files_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'erase' modifies 'files_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    mu_.lock();
  }
  void EraseAfterRelock(int k) EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    mu_.unlock();
    mu_.lock();
    files_.erase(k);
  }
  void EraseBeforeUnlock(int k) EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    files_.erase(k);
    mu_.unlock();
    mu_.lock();
  }
  void UnlockOnOneBranch(int k, bool slow) EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (slow) {
      mu_.unlock();
      mu_.lock();
    }
    files_.erase(k);
  }

private:
  Mutex mu_;
  std::map<int, int> files_ GUARDED_BY(mu_);
};

extern Mutex cs_other;

class WrongAccessor {
public:
  Mutex &OtherMutex() const LOCK_RETURNED(::cs_other) { return ::cs_other; }
  void Remove() EXCLUSIVE_LOCKS_REQUIRED(OtherMutex()) {
    m_items.erase(m_items.begin());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'erase' modifies 'm_items' without holding 'cs_main', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  std::vector<int> m_items GUARDED_BY(::cs_main);
};
