// The project's statement functions defined in another translation unit:
// a parameter whose name says it holds SQL (SqlParameterNames) makes the
// function an SQL function for that argument, when the text is a whole
// statement. Modelled on qTox's RawDatabase, sqlitebrowser's DBBrowserDB
// and servatrice's database interface.
// RUN: %check_clang_tidy -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t

#include <QtCore/QString>
#include <sqlite3.h>
#include <string>

class RawDatabase {
public:
  class Query {
  public:
    Query(QString query, int rowsCallback = 0);
  };
  bool execNow(const QString &statement);
  bool execNow(const Query &statement);
  void execLater(const QString &statement);
};

class DBBrowserDB {
public:
  bool executeSQL(const std::string &statement, bool dirtyOnSuccess = true,
                  bool logsql = true);
  bool executeMultiSQL(const char *sqlText, bool dirty = true);
};

namespace servatrice {
bool prepareQuery(const QString &queryText);
bool run_sql(int shard, const char *sql_statement);
} // namespace servatrice

// Defined here, but through a function defined elsewhere: its own parameter
// name is the evidence, whatever it calls.
bool applyMigration(RawDatabase &db, const QString &sqlStatement) {
  return db.execNow(sqlStatement);
}

// A wrapper defined here whose parameter is not named for SQL: it is one by
// what it calls, and keeps the whole-statement rule of that call.
bool migrate(RawDatabase &db, const QString &text) { return db.execNow(text); }

const char PurgeAll[] = "DELETE FROM peers";
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: SQL DELETE from 'peers' has no WHERE clause

void erase(RawDatabase &db, DBBrowserDB &browser) {
  db.execNow("DELETE FROM history");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQL DELETE from 'history' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: db.execNow("DELETE FROM history WHERE 1 = 1");
  db.execNow(RawDatabase::Query("DELETE FROM aliases"));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: SQL DELETE from 'aliases' has no WHERE clause
  // CHECK-FIXES: db.execNow(RawDatabase::Query("DELETE FROM aliases WHERE 1 = 1"));
  db.execLater(QString("delete from file_transfers"));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: SQL DELETE from 'file_transfers' has no WHERE clause
  // CHECK-FIXES: db.execLater(QString("delete from file_transfers WHERE 1 = 1"));
  browser.executeSQL("DELETE FROM sqlb_temp_table");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'sqlb_temp_table' has no WHERE clause
  // CHECK-FIXES: browser.executeSQL("DELETE FROM sqlb_temp_table WHERE 1 = 1");
  browser.executeMultiSQL("DELETE FROM \"main\".\"t\";");
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: SQL DELETE from 'main.t' has no WHERE clause
  // CHECK-FIXES: browser.executeMultiSQL("DELETE FROM \"main\".\"t\" WHERE 1 = 1;");
  servatrice::prepareQuery("DELETE FROM {prefix}_sessions");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: servatrice::prepareQuery("DELETE FROM {prefix}_sessions WHERE 1 = 1");
  servatrice::run_sql(2, "DELETE FROM bans");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE from 'bans' has no WHERE clause
  // CHECK-FIXES: servatrice::run_sql(2, "DELETE FROM bans WHERE 1 = 1");
  applyMigration(db, "DELETE FROM settings");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'settings' has no WHERE clause
  // CHECK-FIXES: applyMigration(db, "DELETE FROM settings WHERE 1 = 1");
  db.execNow(PurgeAll);
  migrate(db, "DELETE FROM contacts");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SQL DELETE from 'contacts' has no WHERE clause
  // CHECK-FIXES: migrate(db, "DELETE FROM contacts WHERE 1 = 1");
}

// Look-alikes that must stay silent.
class Ui {
public:
  void ask(const QString &query);
  void setSubquery(const char *subquery);
  void log(const std::string &message);
  bool operator()(const char *sql);
};
bool search(const std::string &query);

void silent(RawDatabase &db, DBBrowserDB &browser, Ui &ui, sqlite3 *raw) {
  db.execNow("DELETE FROM history WHERE chat_id = ?");
  browser.executeSQL("DELETE FROM t WHERE rowid IN (SELECT rowid FROM t LIMIT 1)");
  db.execNow("DELETE FROM history LIMIT 10");
  // Not a statement: UI text and search strings that start like one.
  ui.ask("Delete from favourites?");
  search("delete from my list");
  migrate(db, "Delete from favourites?");
  // A parameter whose name only contains a listed word.
  ui.setSubquery("DELETE FROM nested");
  // Parameters not named for SQL.
  ui.log("DELETE FROM sessions failed");
  // Operators are not read by name.
  ui("DELETE FROM called");
  // The statement gets its WHERE at run time.
  const std::string filter = " WHERE id = 1";
  browser.executeSQL("DELETE FROM t" + filter);
  // A function of a system header is the vocabulary's: sqlite3_exec is
  // read by its SqlFunctions entry, once.
  sqlite3_exec(raw, "DELETE FROM x WHERE 1 = 1", nullptr, nullptr, nullptr);
}
