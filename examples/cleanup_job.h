// CleanupJob: nightly retention sweep. Trims the local SQLite session cache
// and old rows in the main PostgreSQL database.
#pragma once

#include <cstdint>
#include <string>

#include <libpq-fe.h>
#include <sqlite3.h>

class CleanupJob {
 public:
  CleanupJob(sqlite3* cache_db, PGconn* main_db)
      : cache_db_(cache_db), main_db_(main_db) {}

  // Runs the whole sweep; cutoff_epoch is the oldest timestamp to keep.
  bool run(int64_t cutoff_epoch);

  bool purgeExpiredCachedSessions();
  bool purgeExpiredCachedSessionsFixed();

  bool purgeTable(const std::string& table);
  bool purgeTableBefore(const std::string& table, int64_t cutoff_epoch);

  bool purgeOrphanTokens();
  bool purgeOrphanTokensFixed();

 private:
  static bool isRetainedTable(const std::string& table);
  bool checkSqlite(int rc, char* errmsg, const char* what);
  bool checkPg(PGresult* res, const std::string& what);

  sqlite3* cache_db_;
  PGconn* main_db_;
};
