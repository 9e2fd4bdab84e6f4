// SqlFunctions replaces the default list (wrappers from other translation
// units, wide strings); AllowedTables, CheckUpdate, AllowExplicitAllRows and
// an empty DeleteAllFunctions. Without --fix-notes the notes change nothing.
// RUN: %check_clang_tidy %s safedelete-unconditional-sql-delete %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-unconditional-sql-delete.SqlFunctions, value: '::db::Connection::execute:0; runSql:1; ::wexec:0; ::db::Connection::operator<<:0; ::db::Query::operator=:0; ::db::Query::operator+=:0'}, \
// RUN:     {key: safedelete-unconditional-sql-delete.AllowedTables, value: 'test_.*|scratch'}, \
// RUN:     {key: safedelete-unconditional-sql-delete.CheckUpdate, value: true}, \
// RUN:     {key: safedelete-unconditional-sql-delete.AllowExplicitAllRows, value: false}, \
// RUN:     {key: safedelete-unconditional-sql-delete.SqlParameterNames, value: 'Command'}, \
// RUN:     {key: safedelete-unconditional-sql-delete.DeleteAllFunctions, value: ''}]}"

#include <sqlite3.h>
#include <sqlite_orm/sqlite_orm.h>
#include <string>

namespace db {
class Connection {
public:
  void execute(const std::string &sql);
  Connection &operator<<(const char *sql);
};
// A statement object that takes its SQL by assignment (Anope's SQL::Query).
struct Query {
  Query &operator=(const std::string &sql);
  Query &operator+=(const std::string &sql);
  Query &operator<<(const std::string &value);
};
} // namespace db
namespace app {
void runSql(int shard, const char *sql);
}
void wexec(const wchar_t *sql);

void configured(db::Connection &c, sqlite3 *raw) {
  c.execute("DELETE FROM sessions");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL DELETE from 'sessions' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  app::runSql(3, "DELETE FROM shards");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: SQL DELETE from 'shards' has no WHERE clause
  c << "DELETE FROM streamed";
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: SQL DELETE from 'streamed' has no WHERE clause
  wexec(L"DELETE FROM wide");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: SQL DELETE from 'wide' has no WHERE clause
  // CheckUpdate: an UPDATE without WHERE changes every row.
  c.execute("UPDATE accounts SET balance = 0");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL UPDATE of 'accounts' has no WHERE clause; every row will be changed
  // AllowExplicitAllRows off: WHERE 1 = 1 is reported too, with no note.
  c.execute("DELETE FROM cache WHERE 1 = 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL DELETE from 'cache' has a WHERE clause that is always true; every row will be deleted
  c.execute("update cache set hits = 0 where true");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL UPDATE of 'cache' has a WHERE clause that is always true; every row will be changed

  // Silent: allowed tables (also schema-qualified), real conditions, and the
  // default functions, which this configuration no longer lists.
  c.execute("DELETE FROM test_users");
  c.execute("DELETE FROM main.scratch");
  c.execute("DELETE FROM Scratch");
  c.execute("UPDATE accounts SET balance = 0 WHERE id = 1");
  c.execute("UPDATE test_users SET a = 1");
  sqlite3_exec(raw, "DELETE FROM sessions", nullptr, nullptr, nullptr);
}

struct User {};
void ormNotConfigured(sqlite_orm::internal::storage_t<User> &storage) {
  storage.remove_all<User>();
}

// Without --fix-notes, nothing is rewritten.
void noFixNotes(db::Connection &c) {
  c.execute("DELETE FROM unfixed");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL DELETE from 'unfixed' has no WHERE clause
  // CHECK-FIXES: c.execute("DELETE FROM unfixed");
}

// Listed operators other than << are read too: an operator's name is no
// identifier, which the first filter used to require.
void assignedStatement(db::Query &q, const std::string &table) {
  q = "DELETE FROM " + table;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: SQL DELETE has no WHERE clause
  q += "DELETE FROM appended";
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: SQL DELETE from 'appended' has no WHERE clause
  q = "DELETE FROM " + table + " WHERE id = 1";
  q << "DELETE FROM notListed";
}

// SqlParameterNames replaces the default words: `command` marks SQL, `sql`
// no longer does.
void runCommand(const char *dbCommand);
void sendSql(const char *sql);
void namedParameters() {
  runCommand("DELETE FROM commanded");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQL DELETE from 'commanded' has no WHERE clause
  sendSql("DELETE FROM unlisted");
}
