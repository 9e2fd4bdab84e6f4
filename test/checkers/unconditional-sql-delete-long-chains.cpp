// RUN: %check_clang_tidy -fix-notes %s safedelete-unconditional-sql-delete %t

// Concatenation chains are followed whatever their length: the pieces of one
// `+` chain are one level of the SQL text, however many there are (8 pieces
// were already too many).

#include <sqlite3.h>
#include <string>

std::string where();

void flagged8(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users8" + " " + " " + " " + " " + " ";
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL DELETE from 'users8' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: std::string("DELETE ") + "FROM " + "users8 WHERE 1 = 1" + " " + " " + " " + " " + " ";
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void flagged9(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users9" + " " + " " + " " + " " + " " + " ";
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL DELETE from 'users9' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: std::string("DELETE ") + "FROM " + "users9 WHERE 1 = 1" + " " + " " + " " + " " + " " + " ";
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void flagged200(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users200" + " " + " " + " " + " " + " " + " " + " " +
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL DELETE from 'users200' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: std::string("DELETE ") + "FROM " + "users200 WHERE 1 = 1" + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " ";
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void silentWhere8(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users8" + " " + " " + " " + " " + " WHERE id = 1";
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void silentWhere9(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users9" + " " + " " + " " + " " + " " + " WHERE id = 1";
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void silentWhere200(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users200" + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " WHERE id = 1";
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void silentOpaque8(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users8" + " " + " " + " " + " " + where();
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void silentOpaque9(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users9" + " " + " " + " " + " " + " " + where();
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void silentOpaque200(sqlite3 *db) {
  const std::string Sql =
      std::string("DELETE ") + "FROM " + "users200" + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + " " +
      " " + " " + " " + " " + " " + " " + " " + " " + " " + where();
  sqlite3_exec(db, Sql.c_str(), nullptr, nullptr, nullptr);
}
