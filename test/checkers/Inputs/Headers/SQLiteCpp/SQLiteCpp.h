// SQLiteCpp, reduced.
#pragma once
#include <string>
namespace SQLite {
class Database {
public:
  Database(const char *file, int flags = 0);
  int exec(const char *queries);
  int exec(const std::string &queries);
};
class Statement {
public:
  Statement(const Database &db, const char *query);
  Statement(const Database &db, const std::string &query);
  int exec();
  bool executeStep();
};
} // namespace SQLite
