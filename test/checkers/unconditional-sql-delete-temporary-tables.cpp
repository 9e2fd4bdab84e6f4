// Emptying a temporary table is not a lost table: it lives as long as the
// database session, and holds only what the program put there. A DELETE or
// UPDATE without WHERE stays silent when a string literal of the file
// creates its table with CREATE TEMP[ORARY] TABLE, before or after it
// (libpqxx's test62.cxx: `tx.exec("CREATE TEMP TABLE pqxxbin ...")`, later
// `tx.exec("DELETE FROM pqxxbin")`; test_stream_to.cxx: a clear_table helper
// above the test that creates the table).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unconditional-sql-delete %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-unconditional-sql-delete.CheckUpdate, value: true}]}"

#include <pqxx/pqxx>
#include <string>

void clearTable(pqxx::work &tx) {
  // setUp below creates the table.
  tx.exec("DELETE FROM scratch_rows");
}

void sameFunction(pqxx::work &tx, const std::string &value) {
  tx.exec("CREATE TEMP TABLE pqxxbin (binfield bytea)");
  tx.exec("INSERT INTO pqxxbin VALUES ('" + value + "')");
  tx.exec("DELETE FROM pqxxbin");
  tx.exec("UPDATE pqxxbin SET binfield = NULL");
  // Another table is still reported.
  tx.exec("DELETE FROM pqxxbin_archive");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SQL DELETE from 'pqxxbin_archive' has no WHERE clause; every row will be deleted [safedelete-unconditional-sql-delete]
}

void setUp(pqxx::work &tx) {
  tx.exec("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS "
          "Scratch_Rows (id int); CREATE TABLE kept (id int)");
  tx.exec(R"sql(CREATE TEMP TABLE raw_rows (id int))sql");
  tx.exec("DELETE FROM raw_rows");
}

void laterFunction(pqxx::work &tx) {
  // Created by setUp above; names compare without regard to case.
  tx.exec("DELETE FROM scratch_rows");
  // A table created without TEMP is a table like any other.
  tx.exec("DELETE FROM kept");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SQL DELETE from 'kept' has no WHERE clause
}

void opaqueName(pqxx::work &tx, const std::string &name) {
  tx.exec("CREATE TEMP TABLE " + name + " (id int)");
  tx.exec("DELETE FROM temp_by_name");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SQL DELETE from 'temp_by_name' has no WHERE clause
}

void oneText(pqxx::work &tx) {
  tx.exec("CREATE TEMP TABLE batch AS SELECT id FROM jobs; "
          "DELETE FROM batch");
}
