// SQL composed by a function of the translation unit (issue 12, class 5): the
// return value of a function with one return statement is followed into the
// SQL call, here the project's own wrapper defined in another translation
// unit and named in SqlFunctions. The statement is fixed where it is
// composed, for every caller, so no fix-it is offered: the note says how.
// RUN: %check_clang_tidy -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-unconditional-sql-delete.SqlFunctions, value: '::Db::execute_statement:0; ::mysql_query:1; ::PQexec:1'}]}"

#include <cstdio>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <sstream>
#include <string>

class Db {
public:
  bool execute_statement(const std::string &sql); // in another TU
};
void log(const std::string &message);
std::string external_query(); // defined elsewhere: unknown

// --- composed, then sent: flagged at the DELETE of the helper -------------

std::string compose_delete_query(const std::string &table) {
  std::stringstream s;
  s << "DELETE FROM " << table;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: SQL DELETE has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: s << "DELETE FROM " << table;
  return s.str();
}

std::string purge_all(const std::string &table) {
  return "DELETE FROM " + table;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: return "DELETE FROM " + table;
}

const char *compose_purge(const char *table) {
  static char buf[128];
  std::snprintf(buf, sizeof(buf), "DELETE FROM %s", table);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: std::snprintf(buf, sizeof(buf), "DELETE FROM %s", table);
  return buf;
}

std::string formatted(const std::string &table) {
  return fmt::format("DELETE FROM {}", table);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: return fmt::format("DELETE FROM {}", table);
}

std::string inner() { return "DELETE FROM jobs"; }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: SQL DELETE from 'jobs' has no WHERE clause
// CHECK-FIXES: std::string inner() { return "DELETE FROM jobs"; }
std::string outer() { return inner(); }

class Table {
public:
  std::string deleteAll() const {
    return std::string("DELETE FROM ") + name_;
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: SQL DELETE has no WHERE clause
    // CHECK-FIXES: return std::string("DELETE FROM ") + name_;
  }
  std::string deleteOne(int id) const {
    std::ostringstream os;
    os << "DELETE FROM " << name_ << " WHERE id = " << id;
    return os.str();
  }
  virtual std::string purgeSql() const { return "DELETE FROM audit"; }

private:
  std::string name_;
};

void send(Db &db, MYSQL *my, PGconn *pg, const Table &t,
          const std::string &name) {
  db.execute_statement(compose_delete_query(name));
  const std::string q = purge_all(name);
  db.execute_statement(q);
  mysql_query(my, compose_purge(name.c_str()));
  db.execute_statement(formatted(name));
  db.execute_statement(outer());
  PQexec(pg, t.deleteAll().c_str());
}

// The buffer is filled in the sending function itself.
void sendBuffer(Db &db, const char *table) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "DELETE FROM %s", table);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: std::snprintf(buf, sizeof(buf), "DELETE FROM %s WHERE 1 = 1", table);
  db.execute_statement(buf);
}

// --- silent ------------------------------------------------------------------

// Composed with a WHERE.
std::string compose_delete_one(const std::string &table, int id) {
  std::stringstream s;
  s << "DELETE FROM " << table << " WHERE id = " << id;
  return s.str();
}
std::string purge_old(const std::string &table) {
  return "DELETE FROM " + table + " WHERE created < now()";
}
const char *compose_delete_by_id(const char *table, int id) {
  static char buf[128];
  std::snprintf(buf, sizeof(buf), "DELETE FROM %s WHERE id = %d", table, id);
  return buf;
}
// An opaque clause: the WHERE may come from the caller.
std::string purge_filtered(const std::string &table,
                           const std::string &filter) {
  return "DELETE FROM " + table + " " + filter;
}
// Two returns: which text is sent depends on the path, not followed.
std::string choose(bool all) {
  if (all)
    return "DELETE FROM jobs WHERE done = 1";
  return "DELETE FROM jobs WHERE failed = 1";
}
// Returns its parameter: not a wrapper, its callers are not SQL calls.
std::string identity(const std::string &s) { return s; }
// A buffer written twice: the second write may add the WHERE.
const char *compose_twice(const char *table, const char *cond) {
  static char buf[128];
  int n = std::snprintf(buf, sizeof(buf), "DELETE FROM %s", table);
  std::snprintf(buf + n, sizeof(buf) - n, " WHERE %s", cond);
  return buf;
}
struct Derived : Table {
  std::string purgeSql() const override {
    return "DELETE FROM audit WHERE at < now()";
  }
};

// Sends what identity returns: identity does not become a wrapper.
void runSql(Db &db, const std::string &sql) {
  db.execute_statement(identity(sql));
}

void sendSilent(Db &db, MYSQL *my, const Table &t, const std::string &name,
                const std::string &where) {
  db.execute_statement(compose_delete_one(name, 1));
  db.execute_statement(purge_old(name));
  mysql_query(my, compose_delete_by_id(name.c_str(), 2));
  db.execute_statement(purge_filtered(name, where));
  db.execute_statement(choose(true));
  db.execute_statement(purge_all(name) + " WHERE id = 3");
  db.execute_statement(external_query());
  db.execute_statement(t.deleteOne(4));
  mysql_query(my, compose_twice(name.c_str(), "id = 5"));
  // A virtual call may reach an override.
  db.execute_statement(t.purgeSql());
  // Composed, but never sent.
  log(compose_delete_query(name));
  log(identity("DELETE FROM sessions"));
}
