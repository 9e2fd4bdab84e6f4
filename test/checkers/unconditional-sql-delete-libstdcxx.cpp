// Against the real libstdc++ headers, the library users build with.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later -fix-notes %s safedelete-unconditional-sql-delete %t -- -- -I %S/../../examples/include

#include <sqlite3.h>
#include <libpq-fe.h>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>

namespace {
const std::string kPurge = "DELETE FROM sessions";
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: SQL DELETE from 'sessions' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
// CHECK-FIXES: const std::string kPurge = "DELETE FROM sessions WHERE 1 = 1";
constexpr std::string_view kPurgeView = "DELETE FROM views";
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: SQL DELETE from 'views' has no WHERE clause
// CHECK-FIXES: constexpr std::string_view kPurgeView = "DELETE FROM views WHERE 1 = 1";
const std::string kPurgeOld = "DELETE FROM sessions WHERE expires_at < now()";
} // namespace

void real(sqlite3 *db, PGconn *pg, const std::string &table, std::string_view schema) {
  sqlite3_exec(db, kPurge.c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(db, kPurgeView.data(), nullptr, nullptr, nullptr);
  PQexec(pg, ("DELETE FROM " + table).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: PQexec(pg, ("DELETE FROM " + table + " WHERE 1 = 1").c_str());
  PQexec(pg, (std::string("DELETE FROM ") + std::string(schema) + ".t").c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: PQexec(pg, (std::string("DELETE FROM ") + std::string(schema) + ".t WHERE 1 = 1").c_str());
  // Silent.
  sqlite3_exec(db, kPurgeOld.c_str(), nullptr, nullptr, nullptr);
  PQexec(pg, ("DELETE FROM " + table + " WHERE id = $1").c_str());
  std::ostringstream unrelated;
  unrelated << "DELETE FROM " << table;
  std::ostringstream os;
  os << "DELETE FROM " << table << " WHERE id = " << 3;
  PQexec(pg, os.str().c_str());
  std::stringstream all;
  all << "DELETE FROM " << table;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SQL DELETE has no WHERE clause
  PQexec(pg, all.str().c_str());
  char buf[64];
  std::snprintf(buf, sizeof(buf), "DELETE FROM %s", table.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: std::snprintf(buf, sizeof(buf), "DELETE FROM %s WHERE 1 = 1", table.c_str());
  PQexec(pg, buf);
}
