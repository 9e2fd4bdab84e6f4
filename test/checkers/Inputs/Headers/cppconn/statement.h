// Declaration-level subset of MySQL Connector/C++'s classic API
// (cppconn/sqlstring.h, statement.h, prepared_statement.h, connection.h).
#pragma once
#include <string>
namespace sql {
class SQLString {
public:
  SQLString(const char *s);
  SQLString(const std::string &s);
};
class ResultSet;
class Statement {
public:
  virtual ~Statement() {}
  virtual bool execute(const sql::SQLString &sql) = 0;
  virtual ResultSet *executeQuery(const sql::SQLString &sql) = 0;
  virtual int executeUpdate(const sql::SQLString &sql) = 0;
};
class PreparedStatement : public Statement {
public:
  virtual bool execute(const sql::SQLString &sql) = 0;
  virtual bool execute() = 0;
  virtual int executeUpdate(const sql::SQLString &sql) = 0;
  virtual int executeUpdate() = 0;
  virtual void setInt(unsigned int parameterIndex, int value) = 0;
};
class Connection {
public:
  virtual ~Connection() {}
  virtual Statement *createStatement() = 0;
  virtual PreparedStatement *prepareStatement(const sql::SQLString &sql) = 0;
};
} // namespace sql
