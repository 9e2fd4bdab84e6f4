// Half-typed code, as an editor sends it: clang's errors, no warning of ours,
// no crash.
// RUN: not %clang_tidy %s -checks='-*,safedelete-*' -- -std=c++17 -nostdinc++ \
// RUN:   -isystem %S/Inputs/Headers 2>&1 | FileCheck %s --implicit-check-not=safedelete
// CHECK: error:

#include <soci/soci.h>
#include <sqlite3.h>
#include <string>

void typing(sqlite3 *db, soci::session &sql, Incomplete &inc) {
  sqlite3_exec(db, "DELETE FROM t", nullptr, nullptr);
  sqlite3_exec(db, undeclared, nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t" + inc, nullptr, nullptr, nullptr);
  sql << "DELETE FROM " << ;
  sqlite3_exec(db, "DELETE FROM
}

template <class T> void dependentBroken(T &t) {
  t.exec("DELETE FROM t"
}
