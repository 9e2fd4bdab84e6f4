// SQL held in a local string that is declared, then assigned and appended
// to before it is sent (issue 12): sqlitebrowser builds statements so. The
// text at the call is the last assignment and what is appended after it;
// writes after the call, and a string handed to code that may change it,
// say nothing.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t -- -- -I %S/../../examples/include

#include <sqlite3.h>
#include <string>

void log(const std::string &message);

// ===== Reported =====

void assigned(sqlite3 *db, const std::string &table) {
  std::string sql;
  sql = "DELETE FROM " + table;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SQL DELETE has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: add 'WHERE 1 = 1' if every row is meant to be deleted
  // CHECK-FIXES: sql = "DELETE FROM " + table + " WHERE 1 = 1";
  sql += ";";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the statement is sent to the database by 'sqlite3_exec' here
}

void appended(sqlite3 *db, const std::string &table) {
  std::string sql = "DELETE FROM ";
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: SQL DELETE has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  sql.append(table);
  log(sql);
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

// ===== Silent =====

void whereAppended(sqlite3 *db, const std::string &table, int id) {
  std::string sql = "DELETE FROM " + table;
  sql += " WHERE id = " + std::to_string(id);
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

void whereAppendedByMethod(sqlite3 *db, const std::string &table) {
  std::string sql;
  sql = "DELETE FROM " + table;
  sql.append(" WHERE done = 1");
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

void reassigned(sqlite3 *db, const std::string &table) {
  std::string sql = "DELETE FROM " + table;
  sql = "SELECT * FROM " + table;
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

void changedAfter(sqlite3 *db, const std::string &table) {
  std::string sql = "DELETE FROM " + table + " WHERE id = 1";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sql = "DELETE FROM " + table;
}

void unknownWrite(sqlite3 *db, const std::string &table,
                  void (*fill)(std::string &)) {
  std::string sql = "DELETE FROM " + table;
  fill(sql);
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}
