// Half-written erase calls, as an editor sends them.
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

void typing(std::map<int, int> &m, std::vector<int> &v, std::mutex &mu,
            std::map<int, std::promise<int>> &p, sqlite3 *db) {
  for (auto it = m.begin(); it != m.end(); ++it)
    m.erase(
  for (int x : v)
    v.erase(v.begin() +
  std::lock_guard<std::mutex> g(
  m.erase(m.find(;
  if (m.count(1)) m.
  p[1].set_value(
  p.at(2).set_value(1) p.erase(
  sqlite3_exec(db, "DELETE FROM
  sqlite3_exec(db, "DELETE FROM t" +, nullptr, nullptr, nullptr);
  auto it = m.erase(m.begin()); ++
}
