// A public method that erases without its lock, every call of which in the
// translation unit holds the lock: the code follows the convention "call
// with the mutex held" (Cockatrice's Server_Game::removeParticipant and
// Server_Room::removeGame). Issue 12.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <shared_mutex>

class Game {
public:
  std::mutex gameMutex;
  void addPlayer(int id) {
    std::lock_guard<std::mutex> lock(gameMutex);
    participants_[id] = 1;
  }
  void kick(int id) {
    std::lock_guard<std::mutex> lock(gameMutex);
    removeParticipant(id);
  }
  void removeParticipant(int id) { participants_.erase(id); }

  // Flagged: one call in the file does not hold the lock.
  void leave(int id) {
    std::lock_guard<std::mutex> lock(gameMutex);
    dropSpectator(id);
  }
  void dropSpectator(int id) { spectators_.erase(id); }
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'erase' modifies 'spectators_' without holding 'gameMutex', the mutex that guards it [safedelete-unlocked-erase]
  void watch(int id) {
    std::lock_guard<std::mutex> lock(gameMutex);
    spectators_[id] = 1;
  }

  // Flagged: called here only from the destructor, which runs alone; other
  // callers need not hold the lock (i2pd's NetDb::Stop).
  ~Game() { stop(); }
  void stop() { spectators_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'clear' modifies 'spectators_' without holding 'gameMutex', the mutex that guards it [safedelete-unlocked-erase]

  // Flagged: never called here, so nothing shows the convention.
  void reset() { participants_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'clear' modifies 'participants_' without holding 'gameMutex', the mutex that guards it [safedelete-unlocked-erase]

  // Flagged: a virtual method may be called through a base elsewhere.
  virtual void forget(int id) { participants_.erase(id); }
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'erase' modifies 'participants_' without holding 'gameMutex', the mutex that guards it [safedelete-unlocked-erase]
  void forgetLocked(int id) {
    std::lock_guard<std::mutex> lock(gameMutex);
    forget(id);
  }

private:
  std::map<int, int> participants_;
  std::map<int, int> spectators_;
};

void disconnectClient(Game *game, int id) {
  game->gameMutex.lock();
  game->removeParticipant(id);
  game->gameMutex.unlock();
}

void unwatch(Game &game, int id) { game.dropSpectator(id); }

class Room {
public:
  std::shared_mutex gamesLock;
  void addGame(int id, Game *game) {
    std::unique_lock<std::shared_mutex> lock(gamesLock);
    games_[id] = game;
  }
  void removeGame(int id) { games_.erase(id); }

private:
  std::map<int, Game *> games_;
};

class Table {
public:
  ~Table() {
    std::unique_lock<std::shared_mutex> lock(room_->gamesLock);
    room_->removeGame(id_);
  }

private:
  Room *room_;
  int id_;
};
