// CheckAllStringLiterals: every literal that reads as a complete upper-case
// DELETE statement, wherever it goes.
// RUN: %check_clang_tidy %s safedelete-unconditional-sql-delete %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-unconditional-sql-delete.CheckAllStringLiterals, value: true}, {key: safedelete-unconditional-sql-delete.CheckUpdate, value: true}]}"

#include <sqlite3.h>
#include <string>

// A wrapper from another translation unit that nothing names as SQL: its
// parameter names are not in SqlParameterNames.
namespace home {
class Db {
public:
  bool run(const char *text);
  bool run(const std::string &text);
};
} // namespace home

void wrappers(home::Db &db, sqlite3 *raw) {
  db.run("DELETE FROM sessions");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'sessions' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  const char *sql = "DELETE FROM tokens;";
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: SQL DELETE from 'tokens' has no WHERE clause
  db.run(sql);
  db.run("DELETE FROM audit RETURNING id");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'audit' has no WHERE clause
  // An SQL call is reported once.
  sqlite3_exec(raw, "DELETE FROM once", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: SQL DELETE from 'once' has no WHERE clause

  // Silent: lower case, prose, a WHERE, other statements.
  db.run("delete from sessions");
  db.run("DELETE FROM sessions failed");
  db.run("Delete from cache");
  db.run("DELETE FROM sessions WHERE id = ?");
  db.run("DELETE FROM sessions " "WHERE id = ?");
  db.run("SELECT * FROM sessions");
  db.run("DELETE");
  // Regression (libpqxx test07): a literal continued by a later piece.
  db.run(std::string("UPDATE events SET year=") + "1");
  db.run(std::string("DELETE FROM sessions ") + "WHERE id = 1");
}
