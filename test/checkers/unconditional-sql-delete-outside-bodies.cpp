// Statements sent from code outside function bodies are read too: a lambda
// at namespace scope, a constructor's member initializer, a default member
// initializer.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unconditional-sql-delete %t

#include <sqlite3.h>

sqlite3 *g_db;

// ===== Flagged =====
auto g_purge = [] {
  return sqlite3_exec(g_db, "DELETE FROM sessions", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: SQL DELETE from 'sessions' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
};

struct Cleaner {
  explicit Cleaner(sqlite3 *db)
      : status(sqlite3_exec(db, "DELETE FROM jobs", nullptr, nullptr, nullptr)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: SQL DELETE from 'jobs' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  int status;
};

struct Cache {
  int cleared = sqlite3_exec(g_db, "DELETE FROM cache", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: SQL DELETE from 'cache' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
};

// ===== Not flagged =====
auto g_expire = [] {
  return sqlite3_exec(g_db, "DELETE FROM sessions WHERE expired = 1", nullptr,
                      nullptr, nullptr);
};

struct Pruner {
  explicit Pruner(sqlite3 *db)
      : status(sqlite3_exec(db, "DELETE FROM jobs WHERE done = 1", nullptr,
                            nullptr, nullptr)) {}
  int status;
};

struct Reader {
  int rows = sqlite3_exec(g_db, "SELECT * FROM cache", nullptr, nullptr, nullptr);
};
