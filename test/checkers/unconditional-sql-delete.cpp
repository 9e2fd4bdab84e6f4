// RUN: %check_clang_tidy -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t

#include <libpq-fe.h>
#include <mysql.h>
#include <sql.h>
#include <cstdio>
#include <sqlite3.h>
#include <sstream>
#include <string>

// --- C APIs: every default SQL function and argument position --------------

void cApis(sqlite3 *db, PGconn *pg, MYSQL *my, MYSQL_STMT *stmt, SQLHSTMT h) {
  sqlite3_exec(db, "DELETE FROM sessions", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'sessions' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM sessions WHERE 1 = 1", nullptr, nullptr, nullptr);
  sqlite3_stmt *s;
  sqlite3_prepare(db, "delete from cache_a", -1, &s, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: SQL DELETE from 'cache_a' has no WHERE clause
  // CHECK-FIXES: sqlite3_prepare(db, "delete from cache_a WHERE 1 = 1", -1, &s, nullptr);
  sqlite3_prepare_v2(db, "DELETE FROM cache_b;", -1, &s, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE from 'cache_b' has no WHERE clause
  // CHECK-FIXES: sqlite3_prepare_v2(db, "DELETE FROM cache_b WHERE 1 = 1;", -1, &s, nullptr);
  sqlite3_prepare_v3(db, "  Delete From \"cache c\"", -1, 0, &s, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: SQL DELETE from 'cache c' has no WHERE clause
  // CHECK-FIXES: sqlite3_prepare_v3(db, "  Delete From \"cache c\" WHERE 1 = 1", -1, 0, &s, nullptr);
  PQexec(pg, "DELETE FROM jobs -- WHERE done\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQL DELETE from 'jobs' has no WHERE clause
  // CHECK-FIXES: PQexec(pg, "DELETE FROM jobs WHERE 1 = 1 -- WHERE done\n");
  PQexecParams(pg, "DELETE FROM jobs_a RETURNING id", 0, nullptr, nullptr, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'jobs_a' has no WHERE clause
  // CHECK-FIXES: PQexecParams(pg, "DELETE FROM jobs_a WHERE 1 = 1 RETURNING id", 0, nullptr, nullptr, nullptr, nullptr, 0);
  PQprepare(pg, "purge", "DELETE FROM ONLY public.jobs_b", 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE from 'public.jobs_b' has no WHERE clause
  // CHECK-FIXES: PQprepare(pg, "purge", "DELETE FROM ONLY public.jobs_b WHERE 1 = 1", 0, nullptr);
  PQsendQuery(pg, "BEGIN; DELETE FROM jobs_c; COMMIT");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE from 'jobs_c' has no WHERE clause
  // CHECK-FIXES: PQsendQuery(pg, "BEGIN; DELETE FROM jobs_c WHERE 1 = 1; COMMIT");
  PQsendQueryParams(pg, "WITH old AS (SELECT id FROM j WHERE done) DELETE FROM jobs_d", 0, nullptr, nullptr, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: SQL DELETE from 'jobs_d' has no WHERE clause
  // CHECK-FIXES: PQsendQueryParams(pg, "WITH old AS (SELECT id FROM j WHERE done) DELETE FROM jobs_d WHERE 1 = 1", 0, nullptr, nullptr, nullptr, nullptr, 0);
  PQsendPrepare(pg, "p", "DELETE FROM jobs_e USING (SELECT id FROM s WHERE x) AS e", 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE from 'jobs_e' has no WHERE clause
  // CHECK-FIXES: PQsendPrepare(pg, "p", "DELETE FROM jobs_e USING (SELECT id FROM s WHERE x) AS e WHERE 1 = 1", 0, nullptr);
  mysql_query(my, "DELETE FROM `where`");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL DELETE from 'where' has no WHERE clause
  // CHECK-FIXES: mysql_query(my, "DELETE FROM `where` WHERE 1 = 1");
  mysql_real_query(my, "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id", 40);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: SQL DELETE from 't1' has no WHERE clause
  // CHECK-FIXES: mysql_real_query(my, "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE 1 = 1", 40);
  mysql_send_query(my, "DELETE FROM where_clause", 24);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: SQL DELETE from 'where_clause' has no WHERE clause
  // CHECK-FIXES: mysql_send_query(my, "DELETE FROM where_clause WHERE 1 = 1", 24);
  mysql_stmt_prepare(stmt, "DELETE /* WHERE */ FROM m", 25);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: SQL DELETE from 'm' has no WHERE clause
  // CHECK-FIXES: mysql_stmt_prepare(stmt, "DELETE /* WHERE */ FROM m WHERE 1 = 1", 25);
  SQLExecDirect(h, (SQLCHAR *)"DELETE FROM [dbo].[odbc]", SQL_NTS);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: SQL DELETE from 'dbo.odbc' has no WHERE clause
  // CHECK-FIXES: SQLExecDirect(h, (SQLCHAR *)"DELETE FROM [dbo].[odbc] WHERE 1 = 1", SQL_NTS);
  SQLPrepare(h, (SQLCHAR *)"DELETE FROM odbc_b RETURNING ' WHERE '", SQL_NTS);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: SQL DELETE from 'odbc_b' has no WHERE clause
  // CHECK-FIXES: SQLPrepare(h, (SQLCHAR *)"DELETE FROM odbc_b WHERE 1 = 1 RETURNING ' WHERE '", SQL_NTS);
}

// --- Literal spellings -------------------------------------------------------

void spellings(sqlite3 *db) {
  sqlite3_exec(db, "DELETE FROM "
                   "adjacent", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-2]]:21: warning: SQL DELETE from 'adjacent' has no WHERE clause
  // CHECK-FIXES: "adjacent WHERE 1 = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, R"sql(
      DELETE FROM raw_a
  )sql", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: SQL DELETE from 'raw_a' has no WHERE clause
  // CHECK-FIXES: DELETE FROM raw_a WHERE 1 = 1
  sqlite3_exec(db, "\x44\x45LETE FROM escaped", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'escaped' has no WHERE clause
  // CHECK-FIXES: sqlite3_exec(db, "\x44\x45LETE FROM escaped WHERE 1 = 1", nullptr, nullptr, nullptr);
}

// --- Constants and strings initialised from literals --------------------------

static const char kPurgeAll[] = "DELETE FROM purge_all";
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: SQL DELETE from 'purge_all' has no WHERE clause
// CHECK-FIXES: static const char kPurgeAll[] = "DELETE FROM purge_all WHERE 1 = 1";
constexpr const char *kPurgeLog = "DELETE FROM purge_log";
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: SQL DELETE from 'purge_log' has no WHERE clause
// CHECK-FIXES: constexpr const char *kPurgeLog = "DELETE FROM purge_log WHERE 1 = 1";
const std::string kPurgeTmp = "DELETE FROM purge_tmp";
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: SQL DELETE from 'purge_tmp' has no WHERE clause
// CHECK-FIXES: const std::string kPurgeTmp = "DELETE FROM purge_tmp WHERE 1 = 1";
const std::string kPurgeOld = "DELETE FROM purge_old"
                              " WHERE created < now() - interval '1 day'";

struct Sweeper {
  static const char *const kSql;
  void run(sqlite3 *db) {
    sqlite3_exec(db, kSql, nullptr, nullptr, nullptr);
    sqlite3_exec(db, kPurgeAll, nullptr, nullptr, nullptr);
    sqlite3_exec(db, kPurgeAll, nullptr, nullptr, nullptr);
    sqlite3_exec(db, kPurgeLog, nullptr, nullptr, nullptr);
    sqlite3_exec(db, kPurgeTmp.c_str(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, kPurgeOld.c_str(), nullptr, nullptr, nullptr);
    const auto local = "DELETE FROM local_auto";
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: SQL DELETE from 'local_auto' has no WHERE clause
    // CHECK-FIXES: const auto local = "DELETE FROM local_auto WHERE 1 = 1";
    sqlite3_exec(db, local, nullptr, nullptr, nullptr);
  }
};
const char *const Sweeper::kSql = "DELETE FROM member_const";
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: SQL DELETE from 'member_const' has no WHERE clause
// CHECK-FIXES: const char *const Sweeper::kSql = "DELETE FROM member_const WHERE 1 = 1";

// --- Concatenation with run-time pieces -------------------------------------

void concatenation(PGconn *pg, const std::string &table, const std::string &id) {
  PQexec(pg, ("DELETE FROM " + table).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SQL DELETE has no WHERE clause; every row will be deleted
  // CHECK-FIXES: PQexec(pg, ("DELETE FROM " + table + " WHERE 1 = 1").c_str());
  PQexec(pg, (std::string("DELETE FROM logs_") + id).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: PQexec(pg, (std::string("DELETE FROM logs_") + id + " WHERE 1 = 1").c_str());
  const std::string sql = "DELETE FROM " + table + ";";
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: const std::string sql = "DELETE FROM " + table + " WHERE 1 = 1" + ";";
  PQexec(pg, sql.c_str());
}

// --- Local strings that their function never changes ------------------------

void fill(std::string &out);
void fillBuffer(char *out);
void logMessage(const char *fmt, ...);
void show(const std::string &text);

void unchangedLocals(sqlite3 *db, PGconn *pg, const std::string &table) {
  std::string purge = "DELETE FROM local_string";
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: SQL DELETE from 'local_string' has no WHERE clause
  // CHECK-FIXES: std::string purge = "DELETE FROM local_string WHERE 1 = 1";
  show(purge);
  PQexec(pg, purge.c_str());
  const char *wipe = "DELETE FROM local_pointer";
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'local_pointer' has no WHERE clause
  // CHECK-FIXES: const char *wipe = "DELETE FROM local_pointer WHERE 1 = 1";
  sqlite3_exec(db, wipe, nullptr, nullptr, nullptr);
  std::string byTable = "DELETE FROM " + table;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: std::string byTable = "DELETE FROM " + table + " WHERE 1 = 1";
  PQexec(pg, byTable.c_str());

  // Silent: changed after the initialisation, by an operator, a call taking a
  // non-const reference, an assignment or a pointer to it.
  std::string appended = "DELETE FROM t";
  appended += " WHERE id = 1";
  PQexec(pg, appended.c_str());
  std::string filled = "DELETE FROM t";
  fill(filled);
  PQexec(pg, filled.c_str());
  std::string assigned = "DELETE FROM t";
  if (!table.empty())
    assigned = "DELETE FROM t WHERE id = 2";
  PQexec(pg, assigned.c_str());
  std::string pointed = "DELETE FROM t";
  std::string *alias = &pointed;
  PQexec(pg, alias->c_str());
  PQexec(pg, pointed.c_str());
  const char *advanced = "DELETE FROM t";
  ++advanced;
  sqlite3_exec(db, advanced, nullptr, nullptr, nullptr);
  std::string &ref = appended;
  PQexec(pg, ref.c_str());
}

// --- SQL built in the same function: sprintf buffers, string streams --------

void built(sqlite3 *db, PGconn *pg, const char *table, int id) {
  char sql[256];
  snprintf(sql, sizeof sql, "DELETE FROM %s", table);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: SQL DELETE has no WHERE clause; every row will be deleted
  // CHECK-FIXES: snprintf(sql, sizeof sql, "DELETE FROM %s WHERE 1 = 1", table);
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  char buffer[128];
  std::sprintf(buffer, "DELETE FROM printf_%d", id);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: std::sprintf(buffer, "DELETE FROM printf_%d WHERE 1 = 1", id);
  logMessage(buffer);
  PQexec(pg, buffer);
  std::ostringstream os;
  os << "DELETE FROM " << table;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SQL DELETE has no WHERE clause
  PQexec(pg, os.str().c_str());
  std::stringstream ss;
  ss << "DELETE FROM streamed_a";
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SQL DELETE from 'streamed_a' has no WHERE clause
  // CHECK-FIXES: ss << "DELETE FROM streamed_a WHERE 1 = 1";
  PQexec(pg, ss.str().c_str());

  // Silent: a WHERE written later, a buffer written twice or by another
  // function, a stream reset.
  char where[256];
  snprintf(where, sizeof where, "DELETE FROM %s WHERE id = %d", table, id);
  sqlite3_exec(db, where, nullptr, nullptr, nullptr);
  char twice[64];
  sprintf(twice, "DELETE FROM t");
  sprintf(twice, "DELETE FROM t WHERE id = %d", id);
  sqlite3_exec(db, twice, nullptr, nullptr, nullptr);
  char other[64];
  fillBuffer(other);
  sqlite3_exec(db, other, nullptr, nullptr, nullptr);
  std::ostringstream q;
  q << "DELETE FROM " << table;
  q << " WHERE id = " << id;
  PQexec(pg, q.str().c_str());
  std::ostringstream reset;
  reset << "DELETE FROM t";
  reset.str("");
  PQexec(pg, reset.str().c_str());
}

// --- Functions in templates, lambdas, through pointers and macros ------------

template <class T> void purgeAll(sqlite3 *db) {
  sqlite3_exec(db, "DELETE FROM templated", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SQL DELETE from 'templated' has no WHERE clause
  // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM templated WHERE 1 = 1", nullptr, nullptr, nullptr);
}
template void purgeAll<int>(sqlite3 *);
template void purgeAll<long>(sqlite3 *);

template <class Db> void purgeDependent(Db *db) {
  sqlite3_exec(db, "DELETE FROM dependent", nullptr, nullptr, nullptr);
}

void lambdas(sqlite3 *db) {
  auto purge = [db] {
    sqlite3_exec(db, "DELETE FROM in_lambda", nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'in_lambda' has no WHERE clause
    // CHECK-FIXES: sqlite3_exec(db, "DELETE FROM in_lambda WHERE 1 = 1", nullptr, nullptr, nullptr);
  };
  purge();
}

#define PURGE_SQL "DELETE FROM from_macro"
#define EXEC(db, sql) sqlite3_exec(db, sql, nullptr, nullptr, nullptr)

void macros(sqlite3 *db) {
  sqlite3_exec(db, PURGE_SQL, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL DELETE from 'from_macro' has no WHERE clause
  // CHECK-FIXES: sqlite3_exec(db, PURGE_SQL, nullptr, nullptr, nullptr);
  EXEC(db, "DELETE FROM macro_arg");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: SQL DELETE from 'macro_arg' has no WHERE clause
  // CHECK-FIXES: EXEC(db, "DELETE FROM macro_arg");
}

// --- Silent: a top-level WHERE, other statements, no SQL API ----------------

void silent(sqlite3 *db, PGconn *pg, const std::string &table, const char *dynamic,
            bool all) {
  sqlite3_exec(db, "DELETE FROM sessions WHERE expires_at < now()", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "delete from sessions where id = ?", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t -- old rows\nWHERE id < 10", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t /* keep */ WHERE id = $1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t WHERE id = :id", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t WHERE id = @id", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t WHERE where_clause = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t "
                   "WHERE id = 3", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t WHERE 1 = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t WHERE TRUE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t ORDER BY id LIMIT 100", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "SELECT * FROM sessions", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "INSERT INTO audit VALUES ('DELETE FROM sessions')", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "TRUNCATE TABLE sessions", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "EXPLAIN DELETE FROM sessions", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "/* DELETE FROM t */ SELECT 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE t SET a = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "DELETE FROM t WHERE id IN (SELECT id FROM u WHERE x)", nullptr, nullptr, nullptr);
  sqlite3_exec(db, dynamic, nullptr, nullptr, nullptr);
  PQexec(pg, ("DELETE FROM " + table + " WHERE id = 1").c_str());
  PQexec(pg, ("DELETE FROM sessions " + table).c_str());
  PQexec(pg, ("DELETE " + table).c_str());
  PQexec(pg, all ? "DELETE FROM a" : "DELETE FROM b WHERE x");
  std::string mutable_sql = "DELETE FROM t";
  mutable_sql += " WHERE id = 1";
  PQexec(pg, mutable_sql.c_str());
  const char *reassigned = "DELETE FROM t";
  reassigned = "DELETE FROM t WHERE id = 1";
  PQexec(pg, reassigned);
  logMessage("DELETE FROM sessions failed: %s", dynamic);
  logMessage("Delete from cache failed");
  const char *ui = "Delete from history";
  logMessage(ui);
  sqlite3_exec(db, "DELETE FROM nolint", nullptr, nullptr, nullptr); // NOLINT
  purgeDependent(db);
}

// A function that is not an SQL API even though its name is.
namespace other {
int sqlite3_exec(sqlite3 *, const char *, void *, void *, void *);
void notSql(sqlite3 *db) { other::sqlite3_exec(db, "DELETE FROM t", nullptr, nullptr, nullptr); }
} // namespace other
