#!/usr/bin/env python3
"""Writes a generated scale input for the robustness tests to stdout.

Usage: gen.py KIND N
  completions  one struct whose map of promises is completed by N member
               functions, never erased (pending-map-leak's end-of-unit pass)
  erase-loops  N functions, each erasing from a container while walking it
  nesting      one function with N nested blocks around an erase loop
  concat       an SQL DELETE made of N concatenated pieces
"""
import sys


def completions(n):
    print("#include <future>\n#include <map>\n")
    print("struct Pending {\n  std::map<int, std::promise<int>> p;")
    for i in range(n):
        print(f"  void on{i}(int id) {{ auto it = p.find(id); "
              f"if (it == p.end()) return; it->second.set_value({i}); }}")
    print("};")


def erase_loops(n):
    print("#include <map>\n#include <vector>\n")
    for i in range(n):
        print(f"void f{i}(std::map<int, int> &m, std::vector<int> &v) {{\n"
              f"  for (auto it = m.begin(); it != m.end(); ++it)\n"
              f"    if (it->second == {i}) m.erase(it);\n"
              f"  for (int x : v) if (x == {i}) v.erase(v.begin());\n}}")


def nesting(n):
    print("#include <map>\n")
    print("void deep(std::map<int, int> &m, int k) {")
    for i in range(n):
        print(f"  if (k > {i}) {{")
    print("  for (auto it = m.begin(); it != m.end(); ++it) m.erase(it);")
    print("  }" * n)
    print("}")


def concat(n):
    print("#include <sqlite3.h>\n#include <string>\n")
    pieces = ['std::string("DELETE ")', '"FROM "', '"users"'] + ['" "'] * (n - 3)
    print("void f(sqlite3 *db) {")
    print(f"  sqlite3_exec(db, ({' + '.join(pieces)}).c_str(), nullptr, nullptr, nullptr);")
    print("}")


KINDS = {"completions": completions, "erase-loops": erase_loops,
         "nesting": nesting, "concat": concat}

if __name__ == "__main__":
    KINDS[sys.argv[1]](int(sys.argv[2]))
