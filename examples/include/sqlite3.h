/*
** Declaration-only subset of the SQLite C API (https://sqlite.org/c3ref/),
** just enough for the safedelete examples to parse. Signatures match the
** real sqlite3.h; nothing here is meant to be linked.
*/
#ifndef SAFEDELETE_EXAMPLES_SQLITE3_H
#define SAFEDELETE_EXAMPLES_SQLITE3_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sqlite3 sqlite3;
typedef long long int sqlite3_int64;

#define SQLITE_OK 0
#define SQLITE_ERROR 1
#define SQLITE_BUSY 5

int sqlite3_open(const char *filename, sqlite3 **ppDb);
int sqlite3_close(sqlite3 *db);
int sqlite3_exec(
    sqlite3 *db,
    const char *sql,
    int (*callback)(void *, int, char **, char **),
    void *arg,
    char **errmsg);
int sqlite3_changes(sqlite3 *db);
sqlite3_int64 sqlite3_last_insert_rowid(sqlite3 *db);
const char *sqlite3_errmsg(sqlite3 *db);
void sqlite3_free(void *ptr);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* SAFEDELETE_EXAMPLES_SQLITE3_H */
