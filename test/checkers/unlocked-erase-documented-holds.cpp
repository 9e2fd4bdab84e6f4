// A caller's lock that the author documents where the function is: a
// comment naming the mutex above a declaration of the function, or in its
// body up to the erase (issue 12: Cockatrice server_room.cpp:403, whose
// only caller, in another translation unit, holds the lock; leveldb's
// "requires mutex_ held" convention). The comment must say the mutex is
// held or locked; a TODO or FIXME naming it, a comment about another
// mutex, or one that names it otherwise documents nothing.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <set>

// ===== Silent =====

class Room {
public:
  void addGame(int id) {
    std::lock_guard<std::mutex> lock(gamesLock);
    games[id] = id;
  }
  void removeGame(int id) {
    // No need to lock gamesLock or gameMutex. This method is only
    // called from ~Server_Game, which locks both mutexes anyway beforehand.
    games.erase(id);
  }
  void dropGame(int id) {
    games.erase(id); // gamesLock is held by every caller
  }

private:
  std::mutex gamesLock;
  std::map<int, int> games;
};

class Version {
public:
  void Add(int f) {
    std::lock_guard<std::mutex> lock(mutex_);
    files_.insert(f);
  }
  // Requires: mutex_ held
  void RemoveObsolete(int f);
  void Clear();

private:
  std::mutex mutex_;
  std::set<int> files_;
};

void Version::RemoveObsolete(int f) { files_.erase(f); }

/* Called with mutex_ locked, from
 * Version::Add's callers only. */
void Version::Clear() { files_.clear(); }

// ===== Flagged =====

class Cache {
public:
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_[k] = k;
  }
  void evict(int k) {
    // TODO: lock mu_ here
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'erase' modifies 'entries_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  // statsMu_ is held by the caller
  void reset() { entries_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'clear' modifies 'entries_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]

  // Empties entries_ without taking mu_, unlike put().
  void wipe() { entries_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'clear' modifies 'entries_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]

  void trim(int k) {
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'erase' modifies 'entries_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    put(k); // mu_ is taken by put
  }

private:
  std::mutex mu_, statsMu_;
  std::map<int, int> entries_;
};

// mu_ is held here: a comment above another function says nothing of this.
void unrelated();
