// Missing and extra braces.
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

struct Pending {
  std::map<int, std::promise<int>> p;
  std::mutex m;
  void complete(int id) {
    auto it = p.find(id);
    if (it != p.end() {
      it->second.set_value(1);
  }
  void drop(int id) {
    for (auto i = p.begin(); i != p.end(); ++i)
      if (i->first == id) { p.erase(i);
  }
};
}
void loose(std::map<int, int> &m) {
  for (auto &kv : m) {
    if (kv.second) m.erase(kv.first);
  }}
}
