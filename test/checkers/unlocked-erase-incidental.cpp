// Locks held for something else are no evidence (issue 12, class 2), as
// bitcoin shows them: a class that annotates what its mutex guards leaves
// the containers it did not annotate unguarded (net.cpp:2006 and :3763,
// validation.cpp:3193); a global mutex held around another object's field
// says nothing about this object's (primitives/block.h:103); a local object
// is shared with nobody (node/miner.cpp:91). A container modified under
// several mutexes has none of them as its lock, and an assignment operator
// replaces its object's value as a constructor makes it (Cockatrice). A
// container the class also fills without the mutex has no lock discipline
// to break (Cockatrice card_database.cpp:259, i2pd UDPTunnel.cpp:427).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <list>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include <annotated_mutex.h>

// ===== Silent =====

// m_nodes is what m_nodes_mutex guards; the disconnected list shares the
// critical section but not the mutex.
class Connman {
public:
  void DisconnectNodes(int *node) {
    {
      Lock lock(m_nodes_mutex);
      m_nodes.pop_back();
      m_nodes_disconnected.push_back(node);
    }
    m_nodes_disconnected.remove(node);
  }
  void StopNodes() { m_nodes_disconnected.clear(); }

private:
  Mutex m_nodes_mutex;
  std::vector<int *> m_nodes GUARDED_BY(m_nodes_mutex);
  std::list<int *> m_nodes_disconnected;
};

extern Mutex cs_main;

// bitcoin's Chainstate: the set is used under cs_main everywhere, and once
// under m_chainstate_mutex too; the class annotates what its mutexes guard
// and the set is not among them.
class Chainstate {
public:
  void InvalidateBlock(int p) {
    Lock outer(m_chainstate_mutex);
    Lock inner(cs_main);
    candidates_.erase(p);
  }
  void Clear() { candidates_.clear(); }

private:
  Mutex m_chainstate_mutex;
  int m_tip GUARDED_BY(cs_main) = 0;
  std::set<int> candidates_;
};

struct Block {
  std::vector<int> vtx;
  void SetNull() { vtx.clear(); }
};

void fillUnderMain(Block &block, int tx) {
  Lock lock(cs_main);
  block.vtx.insert(block.vtx.end(), tx);
}

struct Transaction {
  std::vector<int> vout;
};

void regenerate(const Transaction &from) {
  Transaction tx{from};
  tx.vout.erase(tx.vout.begin());
}

void addOutputUnderMain(Transaction &tx) {
  Lock lock(cs_main);
  tx.vout.resize(1);
}

// Cockatrice's card database: filled, pruned and cleared under three
// mutexes, so none of them is the map's lock.
class CardDatabase {
public:
  void clear() {
    std::lock_guard<std::mutex> lock(clearMutex_);
    cards_.clear();
  }
  void addCard(int k) {
    std::lock_guard<std::mutex> lock(addMutex_);
    cards_[k] = 1;
  }
  void removeCard(int k) {
    std::lock_guard<std::mutex> lock(removeMutex_);
    cards_.erase(k);
  }
  void swapIn(const std::map<int, int> &fresh) { cards_ = fresh; }

private:
  std::mutex clearMutex_, addMutex_, removeMutex_;
  std::map<int, int> cards_;
};

// A value type whose mutex guards lazy loading: copy assignment replaces
// the whole value, as a constructor makes it.
class LazyProperties {
public:
  LazyProperties &operator=(const LazyProperties &other) {
    properties_ = other.properties_;
    return *this;
  }
  LazyProperties &operator=(LazyProperties &&other) {
    properties_.clear();
    properties_.swap(other.properties_);
    return *this;
  }
  void load(int k) const {
    std::lock_guard<std::mutex> lock(mu_);
    properties_[k] = 0;
  }

private:
  mutable std::mutex mu_;
  mutable std::map<int, int> properties_;
};

// Cockatrice's card sets: cleared under the database's clear mutex, which
// serializes clear(); filled without it by addSet and getSet. A class that
// fills a container unguarded keeps no discipline a removal could break.
class CardSets {
public:
  void clear() {
    std::lock_guard<std::mutex> lock(clearMutex_);
    sets_.clear();
  }
  void addSet(int s) { sets_.insert(s); }
  int getSet(int s) {
    if (!sets_.count(s))
      sets_.insert(s);
    return s;
  }
  void swapIn(const std::set<int> &fresh) { sets_ = fresh; }

private:
  std::mutex clearMutex_;
  std::set<int> sets_;
};

// i2pd's UDP client tunnel: sessions pruned under the mutex by one
// function, added without it by the receive handler.
class ClientTunnel {
public:
  void ExpireStale() {
    std::lock_guard<std::mutex> lock(sessionsMutex_);
    sessions_.erase(0);
  }
  void HandleRecvFromLocal(int port) { sessions_[port] = 1; }
  void Stop() { sessions_.clear(); }

private:
  std::mutex sessionsMutex_;
  std::map<int, int> sessions_;
};

// ===== Flagged: the same shapes where the evidence is real =====

// Without annotations in the class, a modification under the mutex shows
// what it guards.
class Unannotated {
public:
  void Add(int *node) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(node);
  }
  void Drop(int *node) { pending_.remove(node); }
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'remove' modifies 'pending_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]

private:
  std::mutex mu_;
  std::list<int *> pending_;
};

// A global mutex around this object's own member, in its own methods.
class Registry {
public:
  void Add(int id) {
    Lock lock(cs_main);
    ids_.insert(id);
  }
  void Reset() { ids_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'clear' modifies 'ids_' without holding 'cs_main', the mutex that guards it [safedelete-unlocked-erase]

private:
  std::set<int> ids_;
};

// Filled without the mutex only while the object is built, or by another
// object's container: the discipline holds.
class FilledWhileBuilt {
public:
  FilledWhileBuilt() { sets_.insert(0); }
  void add(int s) {
    std::lock_guard<std::mutex> lock(mu_);
    sets_.insert(s);
  }
  void copyTo(FilledWhileBuilt &other) { other.sets_.insert(1); }
  void reset() { sets_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'clear' modifies 'sets_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]

private:
  std::mutex mu_;
  std::set<int> sets_;
};

// Filled without the mutex in a helper every caller of which holds it.
class FilledByLockedHelper {
public:
  void add(int s) {
    std::lock_guard<std::mutex> lock(mu_);
    addLocked(s);
  }
  void drop(int s) {
    std::lock_guard<std::mutex> lock(mu_);
    sets_.erase(s);
  }
  void reset() { sets_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'clear' modifies 'sets_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]

private:
  void addLocked(int s) { sets_.insert(s); }
  std::mutex mu_;
  std::set<int> sets_;
};
