// The project's own wrappers: a function whose string parameter reaches an
// SQL argument whole is an SQL function for that parameter, followed
// through wrappers of wrappers.
// RUN: %check_clang_tidy -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>

class Database {
public:
  bool execute(const std::string &sql) {
    char *err = nullptr;
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) == 0;
  }
  bool run(const char *sql);
  template <class... Args> bool query(const char *sql, Args... args) {
    return PQexec(pg_, sql) != nullptr;
  }
  // Not wrappers: the parameter is a piece of the SQL, or not SQL at all.
  bool purgeTable(const std::string &table) {
    return execute("DELETE FROM " + table + " WHERE created < now()");
  }
  void log(const std::string &message);

private:
  sqlite3 *db_;
  PGconn *pg_;
};

// Defined after its callers, out of line.
bool Database::run(const char *sql) { return execute(sql); }

// A wrapper of a wrapper.
class Repository {
public:
  explicit Repository(Database &db) : db_(db) {}
  void exec(const std::string &statement) { db_.execute(statement); }

private:
  Database &db_;
};

void cleanup(Database &db, Repository &repo) {
  db.execute("DELETE FROM sessions");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQL DELETE from 'sessions' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: db.execute("DELETE FROM sessions WHERE 1 = 1");
  db.run("DELETE FROM tokens");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'tokens' has no WHERE clause
  // CHECK-FIXES: db.run("DELETE FROM tokens WHERE 1 = 1");
  db.query("DELETE FROM jobs", 1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: SQL DELETE from 'jobs' has no WHERE clause
  // CHECK-FIXES: db.query("DELETE FROM jobs WHERE 1 = 1", 1, 2);
  repo.exec("DELETE FROM audit");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL DELETE from 'audit' has no WHERE clause
  // CHECK-FIXES: repo.exec("DELETE FROM audit WHERE 1 = 1");

  // Silent.
  db.execute("DELETE FROM sessions WHERE expires_at < now()");
  db.purgeTable("sessions");
  db.log("DELETE FROM sessions failed");
  repo.exec("DELETE FROM audit WHERE id = 1");
}
