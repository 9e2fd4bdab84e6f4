// Unknown types and names.
// Every safedelete check at once on code that does not compile: clang's
// errors, and no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++17 -nostdinc++ -isystem %S/../checkers/Inputs/Headers 2>&1 | FileCheck %s
// RUN: not %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++20 -nostdinc++ -isystem %S/../checkers/Inputs/Headers 2>&1 | FileCheck %s
// CHECK: error:

#include <future>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <string>
#include <vector>

struct Registry {
  std::map<int, Unknown> waiting;
  UnknownMutex lock;
  void done(int id) {
    std::lock_guard<UnknownMutex> guard(lock);
    auto it = waiting.find(id);
    it->second.set_value(undeclared);
    waiting.erase(it);
  }
  void sweep() {
    for (auto it = waiting.begin(); it != waiting.end(); ++it)
      if (it->second.expired()) waiting.erase(it);
  }
};
void sql(sqlite3 *db, Missing m) {
  sqlite3_exec(db, m.text() + "DELETE FROM t", nullptr, nullptr, nullptr);
  sqlite3_exec(db, std::string("DELETE FROM ") + m, nullptr, nullptr, nullptr);
  std::map<int, int> c;
  if (c.count(k)) c.erase(k);
}
