#include "cleanup_job.h"

#include <iostream>
#include <set>

namespace {

const std::string kPurgeExpiredSessionsSql =
    "DELETE FROM sessions"
    " WHERE expires_at < CAST(strftime('%s', 'now') AS INTEGER)";

}  // namespace

bool CleanupJob::run(int64_t cutoff_epoch) {
  bool ok = purgeExpiredCachedSessionsFixed();
  for (const char* table : {"request_log", "audit_log", "job_runs"}) {
    ok = purgeTableBefore(table, cutoff_epoch) && ok;
  }
  return purgeOrphanTokensFixed() && ok;
}

bool CleanupJob::isRetainedTable(const std::string& table) {
  // Table names cannot be bound as parameters, so only known names are used.
  static const std::set<std::string> kTables = {"request_log", "audit_log",
                                                "job_runs"};
  return kTables.count(table) != 0;
}

bool CleanupJob::purgeExpiredCachedSessions() {
  char* err = nullptr;
  // BUG(safedelete-unconditional-sql-delete): no WHERE, wipes every cached session instead of the expired ones
  int rc = sqlite3_exec(cache_db_, "DELETE FROM sessions", nullptr, nullptr, &err);
  return checkSqlite(rc, err, "purge expired cached sessions");
}

bool CleanupJob::purgeExpiredCachedSessionsFixed() {
  char* err = nullptr;
  // OK: the constant restricts the DELETE to expired rows
  int rc = sqlite3_exec(cache_db_, kPurgeExpiredSessionsSql.c_str(), nullptr,
                        nullptr, &err);
  return checkSqlite(rc, err, "purge expired cached sessions");
}

bool CleanupJob::purgeTable(const std::string& table) {
  if (!isRetainedTable(table)) {
    std::cerr << "[cleanup] refusing to purge unknown table " << table << "\n";
    return false;
  }
  // BUG(safedelete-unconditional-sql-delete): "DELETE FROM " + table with no WHERE empties the whole table
  PGresult* res = PQexec(main_db_, ("DELETE FROM " + table).c_str());
  return checkPg(res, "purge " + table);
}

bool CleanupJob::purgeTableBefore(const std::string& table,
                                  int64_t cutoff_epoch) {
  if (!isRetainedTable(table)) {
    std::cerr << "[cleanup] refusing to purge unknown table " << table << "\n";
    return false;
  }
  const std::string sql = "DELETE FROM " + table +
                          " WHERE created_at < to_timestamp(" +
                          std::to_string(cutoff_epoch) + ")";
  // OK: the WHERE arrives in a later piece of the concatenation
  PGresult* res = PQexec(main_db_, sql.c_str());
  return checkPg(res, "purge " + table);
}

bool CleanupJob::purgeOrphanTokens() {
  PGresult* res = PQexec(main_db_,
                         // BUG(safedelete-unconditional-sql-delete): the only WHERE is inside the subquery; every token is deleted once any session expired
                         "DELETE FROM session_tokens"
                         " USING (SELECT id FROM sessions WHERE expires_at < now()) AS expired");
  return checkPg(res, "purge orphan tokens");
}

bool CleanupJob::purgeOrphanTokensFixed() {
  // OK: the top-level WHERE joins each token to its expired session
  PGresult* res = PQexec(main_db_,
                         "DELETE FROM session_tokens"
                         " USING (SELECT id FROM sessions WHERE expires_at < now()) AS expired"
                         " WHERE session_tokens.session_id = expired.id");
  return checkPg(res, "purge orphan tokens");
}

bool CleanupJob::checkSqlite(int rc, char* errmsg, const char* what) {
  if (rc == SQLITE_OK) {
    std::cerr << "[cleanup] " << what << ": " << sqlite3_changes(cache_db_)
              << " rows\n";
    return true;
  }
  std::cerr << "[cleanup] " << what << " failed: "
            << (errmsg != nullptr ? errmsg : sqlite3_errmsg(cache_db_)) << "\n";
  sqlite3_free(errmsg);
  return false;
}

bool CleanupJob::checkPg(PGresult* res, const std::string& what) {
  const bool ok = res != nullptr && PQresultStatus(res) == PGRES_COMMAND_OK;
  if (ok) {
    std::cerr << "[cleanup] " << what << ": " << PQcmdTuples(res) << " rows\n";
  } else {
    std::cerr << "[cleanup] " << what << " failed: "
              << (res != nullptr ? PQresultErrorMessage(res)
                                 : PQerrorMessage(main_db_))
              << "\n";
  }
  PQclear(res);  // PQclear(nullptr) is a no-op
  return ok;
}
