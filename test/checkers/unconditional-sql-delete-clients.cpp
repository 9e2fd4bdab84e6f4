// Database clients in the default SqlFunctions (issue 12, class 6): drogon's
// ORM client and MySQL Connector/C++, on mocks of their signatures.
// RUN: %check_clang_tidy -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t

#include <cppconn/statement.h>
#include <drogon/orm/DbClient.h>
#include <memory>
#include <string>

using drogon::orm::DbClient;
using drogon::orm::DbClientPtr;
using drogon::orm::Result;

// --- drogon::orm::DbClient ---------------------------------------------------

void drogonCalls(const DbClientPtr &client, DbClient &db,
                 const std::shared_ptr<drogon::orm::Transaction> &trans,
                 const std::string &table) {
  client->execSqlSync("delete from users");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: SQL DELETE from 'users' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: client->execSqlSync("delete from users WHERE 1 = 1");
  client->execSqlAsync(
      "DELETE FROM sessions", [](const Result &) {}, [](const auto &) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: SQL DELETE from 'sessions' has no WHERE clause
  // CHECK-FIXES: "DELETE FROM sessions WHERE 1 = 1", [](const Result &) {}, [](const auto &) {});
  db.execSqlAsyncFuture("DELETE FROM " + table);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: db.execSqlAsyncFuture("DELETE FROM " + table + " WHERE 1 = 1");
  db.execSqlCoro("DELETE FROM jobs");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: SQL DELETE from 'jobs' has no WHERE clause
  // CHECK-FIXES: db.execSqlCoro("DELETE FROM jobs WHERE 1 = 1");
  trans->execSqlSync("DELETE FROM audit");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'audit' has no WHERE clause
  // CHECK-FIXES: trans->execSqlSync("DELETE FROM audit WHERE 1 = 1");
  *client << "delete from tokens" >> [](const Result &) {};
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQL DELETE from 'tokens' has no WHERE clause
  // CHECK-FIXES: *client << "delete from tokens WHERE 1 = 1" >> [](const Result &) {};
  const std::string purge = "DELETE FROM cache";
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: SQL DELETE from 'cache' has no WHERE clause
  // CHECK-FIXES: const std::string purge = "DELETE FROM cache WHERE 1 = 1";
  db << purge;

  // Silent: a WHERE, bound parameters, other statements.
  client->execSqlSync("delete from users where id = $1", 7);
  client->execSqlAsync(
      "DELETE FROM sessions WHERE expires < now()", [](const Result &) {},
      [](const auto &) {});
  db.execSqlAsyncFuture("DELETE FROM " + table + " WHERE id = ?", 3);
  db.execSqlCoro("SELECT * FROM jobs");
  trans->execSqlSync("UPDATE audit SET seen = 1");
  *client << "delete from tokens where user_id = $1" << 42 >>
      [](const Result &) {};
  db << "INSERT INTO cache VALUES (1)";
}

// --- MySQL Connector/C++ -----------------------------------------------------

void connectorCalls(sql::Connection *con, sql::Statement *stmt,
                    const std::string &table) {
  stmt->execute("DELETE FROM users");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: SQL DELETE from 'users' has no WHERE clause
  // CHECK-FIXES: stmt->execute("DELETE FROM users WHERE 1 = 1");
  stmt->executeUpdate("DELETE FROM " + table);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: stmt->executeUpdate("DELETE FROM " + table + " WHERE 1 = 1");
  stmt->executeQuery("DELETE FROM logs RETURNING id");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE from 'logs' has no WHERE clause
  // CHECK-FIXES: stmt->executeQuery("DELETE FROM logs WHERE 1 = 1 RETURNING id");
  sql::PreparedStatement *p = con->prepareStatement("DELETE FROM orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: SQL DELETE from 'orders' has no WHERE clause
  // CHECK-FIXES: sql::PreparedStatement *p = con->prepareStatement("DELETE FROM orders WHERE 1 = 1");
  p->execute();

  // Silent.
  stmt->execute("DELETE FROM users WHERE id = 1");
  stmt->executeUpdate("DELETE FROM " + table + " WHERE id = 2");
  stmt->executeQuery("SELECT id FROM logs");
  sql::PreparedStatement *q =
      con->prepareStatement("DELETE FROM orders WHERE id = ?");
  q->setInt(1, 5);
  q->executeUpdate();
}
