// The notes: the explicit opt-in, and where a constant defined elsewhere is
// sent to the database.
// RUN: %check_clang_tidy -fix-notes %s safedelete-unconditional-sql-delete %t

#include <sqlite3.h>

static const char kWipe[] = "DELETE FROM wipe";
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: SQL DELETE from 'wipe' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
// CHECK-NOTES: :[[@LINE-2]]:30: warning: SQL DELETE from 'wipe' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
// CHECK-NOTES: :[[@LINE-3]]:30: note: add 'WHERE 1 = 1' if every row is meant to be deleted
// CHECK-NOTES: :[[@LINE+8]]:3: note: the statement is sent to the database by 'sqlite3_exec' here
// CHECK-FIXES: static const char kWipe[] = "DELETE FROM wipe WHERE 1 = 1";

void notes(sqlite3 *db) {
  sqlite3_exec(db, "DELETE FROM inline_sql", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'inline_sql' has no WHERE clause
  // CHECK-NOTES: :[[@LINE-2]]:21: warning: SQL DELETE from 'inline_sql' has no WHERE clause
  // CHECK-NOTES: :[[@LINE-3]]:21: note: add 'WHERE 1 = 1' if every row is meant to be deleted
  sqlite3_exec(db, kWipe, nullptr, nullptr, nullptr);
  // The same constant sent twice is reported once.
  sqlite3_exec(db, kWipe, nullptr, nullptr, nullptr);
}
