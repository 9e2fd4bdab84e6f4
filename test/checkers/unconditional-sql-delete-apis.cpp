// The C++ client libraries: libpqxx, Qt SQL, SOCI, SQLiteCpp,
// sqlite_modern_cpp, Poco::Data, format strings and ORM delete-all calls.
// RUN: %check_clang_tidy -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t

#include <Poco/Data/Session.h>
#include <QtSql/QSqlQuery>
#include <SQLiteCpp/SQLiteCpp.h>
#include <absl/strings/str_format.h>
#include <fmt/format.h>
#include <odb/database.hxx>
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <sqlite_modern_cpp.h>
#include <sqlite_orm/sqlite_orm.h>
#include <string>

// --- libpqxx -----------------------------------------------------------------

using Work = pqxx::work;

void pqxxCalls(pqxx::connection &c, Work &w, pqxx::work *pw, const std::string &t) {
  w.exec("DELETE FROM px_a");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'px_a' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: w.exec("DELETE FROM px_a WHERE 1 = 1");
  pw->exec0("DELETE FROM px_b");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: SQL DELETE from 'px_b' has no WHERE clause
  // CHECK-FIXES: pw->exec0("DELETE FROM px_b WHERE 1 = 1");
  w.exec_params("DELETE FROM px_c RETURNING id", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: SQL DELETE from 'px_c' has no WHERE clause
  // CHECK-FIXES: w.exec_params("DELETE FROM px_c WHERE 1 = 1 RETURNING id", 1);
  w.exec_n(0, "DELETE FROM px_d");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SQL DELETE from 'px_d' has no WHERE clause
  // CHECK-FIXES: w.exec_n(0, "DELETE FROM px_d WHERE 1 = 1");
  w.query<int>("DELETE FROM px_e RETURNING id");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: SQL DELETE from 'px_e' has no WHERE clause
  // CHECK-FIXES: w.query<int>("DELETE FROM px_e WHERE 1 = 1 RETURNING id");
  c.prepare("purge", "DELETE FROM px_f");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'px_f' has no WHERE clause
  // CHECK-FIXES: c.prepare("purge", "DELETE FROM px_f WHERE 1 = 1");
  w.exec("DELETE FROM " + t);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: w.exec("DELETE FROM " + t + " WHERE 1 = 1");
  // Silent: a WHERE, a one-argument prepare (its only argument is the SQL,
  // but the configured index is 1), a SELECT.
  w.exec("DELETE FROM px WHERE id = $1");
  w.exec_params("DELETE FROM px WHERE id = $1", 7);
  c.prepare("DELETE FROM px");
  w.exec("SELECT count(*) FROM px");
}

// --- Qt SQL --------------------------------------------------------------------

void qtCalls(QSqlDatabase &db, const QString &table) {
  QSqlQuery q1("DELETE FROM qt_a");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: SQL DELETE from 'qt_a' has no WHERE clause
  // CHECK-FIXES: QSqlQuery q1("DELETE FROM qt_a WHERE 1 = 1");
  QSqlQuery q2;
  q2.exec("DELETE FROM qt_b");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SQL DELETE from 'qt_b' has no WHERE clause
  // CHECK-FIXES: q2.exec("DELETE FROM qt_b WHERE 1 = 1");
  q2.prepare(QString("DELETE FROM qt_c"));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'qt_c' has no WHERE clause
  // CHECK-FIXES: q2.prepare(QString("DELETE FROM qt_c WHERE 1 = 1"));
  db.exec(QStringLiteral("DELETE FROM qt_d"));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE from 'qt_d' has no WHERE clause
  // CHECK-FIXES: db.exec(QStringLiteral("DELETE FROM qt_d"));
  q2.exec(QString("DELETE FROM %1").arg(table));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: q2.exec(QString("DELETE FROM %1 WHERE 1 = 1").arg(table));
  q2.exec("DELETE FROM " + table);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: q2.exec("DELETE FROM " + table + " WHERE 1 = 1");
  // Silent.
  QSqlQuery q3(db);
  QSqlQuery q4("DELETE FROM qt WHERE id = :id");
  q4.bindValue(":id", 3);
  q4.exec();
  q2.exec(QString("DELETE FROM %1 WHERE id = %2").arg(table).arg(3));
  q2.exec("DELETE FROM " + table + " WHERE id = ?");
}

// --- SOCI, sqlite_modern_cpp, Poco::Data: SQL streamed with << --------------

void streams(soci::session &sql, sqlite::database &mdb, Poco::Data::Session &ps,
             const std::string &t, int id) {
  using namespace Poco::Data::Keywords;
  sql << "DELETE FROM soci_a";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'soci_a' has no WHERE clause
  // CHECK-FIXES: sql << "DELETE FROM soci_a WHERE 1 = 1";
  sql.once << "DELETE FROM soci_b";
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SQL DELETE from 'soci_b' has no WHERE clause
  // CHECK-FIXES: sql.once << "DELETE FROM soci_b WHERE 1 = 1";
  sql << "DELETE FROM " << t;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: sql << "DELETE FROM " << t;
  sql << "DELETE " << "FROM soci_c";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'soci_c' has no WHERE clause
  // CHECK-FIXES: sql << "DELETE " << "FROM soci_c WHERE 1 = 1";
  mdb << "DELETE FROM modern_a;";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE from 'modern_a' has no WHERE clause
  // CHECK-FIXES: mdb << "DELETE FROM modern_a WHERE 1 = 1;";
  ps << "DELETE FROM poco_a", now;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SQL DELETE from 'poco_a' has no WHERE clause
  // CHECK-FIXES: ps << "DELETE FROM poco_a WHERE 1 = 1", now;
  ps << "DELETE FROM " << "poco_b" << "", now;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SQL DELETE from 'poco_b' has no WHERE clause
  // CHECK-FIXES: ps << "DELETE FROM " << "poco_b WHERE 1 = 1" << "", now;
  // Silent: the WHERE comes in a later streamed piece or is bound after it.
  sql << "DELETE FROM soci WHERE id = :id", soci::use(id);
  sql << "DELETE FROM " << t << " WHERE id = " << id;
  sql << "DELETE FROM soci" << " WHERE id = 1";
  sql << "DELETE FROM soci " << t;
  mdb << "DELETE FROM modern WHERE id = ?" << id;
  ps << "DELETE FROM poco WHERE id = ?", use(id), now;
  ps << "DELETE FROM poco" << " WHERE id = 2", now;
}

// --- SQLiteCpp -----------------------------------------------------------------

void sqliteCpp(SQLite::Database &db) {
  db.exec("DELETE FROM cpp_a");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SQL DELETE from 'cpp_a' has no WHERE clause
  // CHECK-FIXES: db.exec("DELETE FROM cpp_a WHERE 1 = 1");
  SQLite::Statement st(db, "DELETE FROM cpp_b");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: SQL DELETE from 'cpp_b' has no WHERE clause
  // CHECK-FIXES: SQLite::Statement st(db, "DELETE FROM cpp_b WHERE 1 = 1");
  st.exec();
  SQLite::Statement ok(db, std::string("DELETE FROM cpp WHERE id = ?"));
  ok.exec();
}

// --- Format strings ---------------------------------------------------------

void formats(pqxx::work &w, const std::string &t, int days) {
  w.exec(fmt::format("DELETE FROM {}", t));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: w.exec(fmt::format("DELETE FROM {} WHERE 1 = 1", t));
  w.exec(absl::StrFormat("DELETE FROM %s", t));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: w.exec(absl::StrFormat("DELETE FROM %s WHERE 1 = 1", t));
  w.exec(fmt::format("DELETE FROM fmt_a RETURNING {}", t));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'fmt_a' has no WHERE clause
  // CHECK-FIXES: w.exec(fmt::format("DELETE FROM fmt_a WHERE 1 = 1 RETURNING {}", t));
  // Silent: a WHERE after the placeholders, or a placeholder that may be one.
  w.exec(fmt::format("DELETE FROM {} WHERE age > {}", t, days));
  w.exec(absl::StrFormat("DELETE FROM %s WHERE age > %d", t, days));
  w.exec(fmt::format("DELETE FROM logs {}", t));
  // Not SQL: a log line built with the same functions.
  std::string line = fmt::format("DELETE FROM {} failed", t);
}

// --- ORM calls that delete every row ----------------------------------------

struct User {};
struct Token {};

template <class Storage> void orm(Storage &s, odb::database &db) {
  s.template remove_all<User>();
}

void ormCalls(sqlite_orm::internal::storage_t<User, Token> &storage, odb::database &db) {
  storage.remove_all<User>();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'remove_all<User>' has no condition; every row of 'User' will be deleted
  db.erase_query<Token>();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'erase_query<Token>' has no condition; every row of 'Token' will be deleted
  // Silent: a condition, one object.
  storage.remove_all<User>(sqlite_orm::where(1));
  db.erase_query<Token>("expired");
  db.erase<Token>(1);
  storage.remove<User>(1);
}
