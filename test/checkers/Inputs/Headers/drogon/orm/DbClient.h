// Signature-level subset of drogon's ORM client (drogon/orm/DbClient.h).
#pragma once
#include <future>
#include <memory>
#include <string>
#include <string_view>
namespace drogon {
namespace orm {
class Result {};
namespace internal {
class SqlBinder {
public:
  SqlBinder &operator<<(const std::string &parameter);
  SqlBinder &operator<<(int parameter);
  template <class F> SqlBinder &operator>>(F &&callback) { return *this; }
  void exec();
};
struct SqlAwaiter {};
} // namespace internal
class DbClient {
public:
  virtual ~DbClient();
  template <typename FUNCTION1, typename FUNCTION2, typename... Arguments>
  void execSqlAsync(const std::string &sql, FUNCTION1 &&rCallback,
                    FUNCTION2 &&exceptCallback, Arguments &&...args) noexcept {}
  template <typename... Arguments>
  std::future<Result> execSqlAsyncFuture(const std::string &sql,
                                         Arguments &&...args) noexcept;
  template <typename... Arguments>
  Result execSqlSync(const std::string &sql, Arguments &&...args) noexcept(false);
  template <typename... Arguments>
  internal::SqlAwaiter execSqlCoro(const std::string &sql,
                                   Arguments &&...args) noexcept;
  internal::SqlBinder operator<<(const std::string &sql);
  internal::SqlBinder operator<<(std::string &&sql);
  template <int N> internal::SqlBinder operator<<(const char (&sql)[N]);
  internal::SqlBinder operator<<(const std::string_view &sql);
};
class Transaction : public DbClient {
public:
  virtual void rollback() = 0;
};
using DbClientPtr = std::shared_ptr<DbClient>;
} // namespace orm
} // namespace drogon
