// std::format (C++20) and C++20 spellings.
// RUN: %check_clang_tidy -std=c++20 -fix-notes %s safedelete-unconditional-sql-delete %t

#include <format>
#include <pqxx/pqxx>
#include <string>

void cxx20(pqxx::work &w, const std::string &t, int days) {
  w.exec(std::format("DELETE FROM {}", t));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
  // CHECK-FIXES: w.exec(std::format("DELETE FROM {} WHERE 1 = 1", t));
  w.exec(std::format("DELETE FROM {0} RETURNING {1}", t, days));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SQL DELETE has no WHERE clause
  // CHECK-FIXES: w.exec(std::format("DELETE FROM {0} WHERE 1 = 1 RETURNING {1}", t, days));
  constexpr const char *kSql = "DELETE FROM constexpr_20";
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: SQL DELETE from 'constexpr_20' has no WHERE clause
  // CHECK-FIXES: constexpr const char *kSql = "DELETE FROM constexpr_20 WHERE 1 = 1";
  w.exec(kSql);
  // Silent.
  w.exec(std::format("DELETE FROM {} WHERE age > {}", t, days));
  w.exec(std::format("DELETE FROM {} {}", t, "WHERE x"));
  std::string msg = std::format("DELETE FROM {} failed", t);
}
