extern "C" int sqlite3_exec(void *db, const char *sql, void *cb, void *arg, char **err);

void purgeSessions(void *db) {
  sqlite3_exec(db, "DELETE FROM sessions", nullptr, nullptr, nullptr);
}

void purgeExpired(void *db) {
  sqlite3_exec(db, "DELETE FROM sessions WHERE expires < now()", nullptr, nullptr, nullptr);
}
