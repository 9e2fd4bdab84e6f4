#!/usr/bin/env python3
"""Writes a synthetic corpus for bench/run.py: translation units that include
the usual heavy standard headers and hold many functions over maps, sets,
vectors and mutexes, some with the patterns safedelete looks for and most
without, as real service code does. Usage: gen_corpus.py OUT_DIR [FILES] [FUNCS]"""
import os
import sys

HEADER = """#include <algorithm>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bench%(n)d {
struct Session { std::string user; int ttl = 0; };
class Store%(n)d {
public:
"""

BODIES = [
    # plain erase and lookups
    """  void drop%(i)d(int k) { std::lock_guard<std::mutex> l(mu_); byId_.erase(k); }
  bool has%(i)d(int k) const { return byId_.count(k) != 0; }
""",
    # lookup-before-erase
    """  void forget%(i)d(const std::string &s) { if (byName_.count(s)) byName_.erase(s); }
""",
    # iterator loop done right
    """  void expire%(i)d() {
    for (auto it = byId_.begin(); it != byId_.end();) {
      if (it->second.ttl <= 0) it = byId_.erase(it); else ++it;
    }
  }
""",
    # range-for reading
    """  int total%(i)d() const { int t = 0; for (const auto &kv : byId_) t += kv.second.ttl; return t; }
""",
    # vector work
    """  void sort%(i)d() { std::sort(order_.begin(), order_.end()); order_.erase(std::unique(order_.begin(), order_.end()), order_.end()); }
""",
    # promises
    """  void done%(i)d(int id, int v) {
    auto it = pending_.find(id);
    if (it != pending_.end()) { it->second.set_value(v); pending_.erase(it); }
  }
""",
    # strings
    """  std::string describe%(i)d(int k) const { std::ostringstream os; os << "session " << k << " of " << byId_.size(); return os.str(); }
""",
]

FOOTER = """private:
  mutable std::mutex mu_;
  std::map<int, Session> byId_;
  std::unordered_map<std::string, int> byName_;
  std::vector<int> order_;
  std::unordered_map<int, std::promise<int>> pending_;
};
} // namespace bench%(n)d
"""


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    funcs = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    os.makedirs(out, exist_ok=True)
    for n in range(files):
        parts = [HEADER % {"n": n}]
        for i in range(funcs):
            parts.append(BODIES[i % len(BODIES)] % {"i": i})
        parts.append(FOOTER % {"n": n})
        with open(os.path.join(out, "tu%02d.cpp" % n), "w") as f:
            f.write("".join(parts))


if __name__ == "__main__":
    main()
