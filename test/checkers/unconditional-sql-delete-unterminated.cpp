// RUN: %check_clang_tidy -fix-notes %s safedelete-unconditional-sql-delete %t

// SQL text that ends inside an open quote: not a statement the check
// understands, and no ` WHERE 1 = 1` may go inside the quote.

#include <sqlite3.h>
#include <string>

void unterminated(sqlite3 *db) {
  sqlite3_exec(db, "DELETE FROM `", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM \"", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM [", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE TOP `", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE `", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM `sessions", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t RETURNING 'x", nullptr, nullptr, nullptr);
}

void terminated(sqlite3 *db) {
  sqlite3_exec(db, "DELETE FROM `s`", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 's' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM `s` WHERE 1 = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM \"t\"", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 't' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM \"t\" WHERE 1 = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM [u]; SELECT '", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'u' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM [u] WHERE 1 = 1; SELECT '", nullptr, nullptr, nullptr);
}

// Found by the fuzzer: the clause must not glue to the token after it.
void glued(sqlite3 *db) {
  sqlite3_exec(db, "DELETE FROM \"v\"RETURNING id", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'v' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM \"v\" WHERE 1 = 1 RETURNING id", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM \"w\" WHERE 1 = 1 RETURNING id", nullptr, nullptr, nullptr);
}

// A quoted name made at run time is not named in the message.
void quotedAtRunTime(sqlite3 *db, const std::string &t) {
  sqlite3_exec(db, ("DELETE FROM `" + t + "`").c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: SQL DELETE has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: sqlite3_exec(db, ("DELETE FROM `" + t + "` WHERE 1 = 1").c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(db, ("DELETE FROM `" + t + "` WHERE id = 1").c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(db, ("DELETE FROM `" + t + "` " + t).c_str(), nullptr, nullptr, nullptr);
}
