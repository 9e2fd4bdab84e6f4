#include <sqlite3.h>

void f(sqlite3 *db) {
  // The default list is replaced by the one valid entry.
  sqlite3_exec(db, "DELETE FROM test_a", nullptr, nullptr, nullptr);
}
