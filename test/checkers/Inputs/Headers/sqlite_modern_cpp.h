// sqlite_modern_cpp, reduced.
#pragma once
#include <string>
namespace sqlite {
class database_binder {
public:
  template <class T> database_binder &operator<<(const T &value);
  ~database_binder();
};
class database {
public:
  database(const std::string &file);
  database_binder operator<<(const std::string &sql);
  database_binder operator<<(const char *sql);
};
} // namespace sqlite
