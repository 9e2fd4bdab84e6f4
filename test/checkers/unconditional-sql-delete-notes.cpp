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

// The statements of one literal make one warning, at the first; the others
// are notes of it, and one note fixes them all (qTox's eraseHistory).
void eraseHistory(sqlite3 *db) {
  sqlite3_exec(db,
               "DELETE FROM faux_offline_pending; "
               // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: SQL DELETE from 'faux_offline_pending' has no WHERE clause; every row will be deleted
               // CHECK-NOTES: :[[@LINE-2]]:17: warning: SQL DELETE from 'faux_offline_pending' has no WHERE clause; every row will be deleted
               // CHECK-NOTES: :[[@LINE-3]]:17: note: add 'WHERE 1 = 1' to each statement if every row is meant to be deleted
               // CHECK-NOTES: :[[@LINE+2]]:17: note: SQL DELETE from 'history' in the same literal has no WHERE clause
               // CHECK-NOTES: :[[@LINE+3]]:17: note: SQL DELETE from 'file_transfers' in the same literal has no WHERE clause
               "DELETE FROM history; "
               "DELETE FROM text_messages WHERE 1 = 1; "
               "DELETE FROM file_transfers;",
               nullptr, nullptr, nullptr);
  // CHECK-FIXES: "DELETE FROM faux_offline_pending WHERE 1 = 1; "
  // CHECK-FIXES: "DELETE FROM history WHERE 1 = 1; "
  // CHECK-FIXES: "DELETE FROM text_messages WHERE 1 = 1; "
  // CHECK-FIXES: "DELETE FROM file_transfers WHERE 1 = 1;",
  // Separate literals are separate statements of the code.
  sqlite3_exec(db, "DELETE FROM a_table;", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'a_table' has no WHERE clause
  // CHECK-NOTES: :[[@LINE-2]]:21: warning: SQL DELETE from 'a_table' has no WHERE clause
  // CHECK-NOTES: :[[@LINE-3]]:21: note: add 'WHERE 1 = 1' if every row is meant to be deleted
  sqlite3_exec(db, "DELETE FROM b_table;", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'b_table' has no WHERE clause
  // CHECK-NOTES: :[[@LINE-2]]:21: warning: SQL DELETE from 'b_table' has no WHERE clause
  // CHECK-NOTES: :[[@LINE-3]]:21: note: add 'WHERE 1 = 1' if every row is meant to be deleted
}
