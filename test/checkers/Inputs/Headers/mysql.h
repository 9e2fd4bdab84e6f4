// Declaration-only subset of the MySQL C API.
#pragma once
extern "C" {
typedef struct st_mysql MYSQL;
typedef struct st_mysql_stmt MYSQL_STMT;
int mysql_query(MYSQL *mysql, const char *q);
int mysql_real_query(MYSQL *mysql, const char *q, unsigned long length);
int mysql_send_query(MYSQL *mysql, const char *q, unsigned long length);
int mysql_stmt_prepare(MYSQL_STMT *stmt, const char *query,
                       unsigned long length);
}
