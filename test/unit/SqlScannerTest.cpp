//===--- SqlScannerTest.cpp - unit tests for support/SqlScanner ----------===//

#include "support/SqlScanner.h"
#include "gtest/gtest.h"
#include <chrono>
#include <string>

namespace sql = clang::tidy::safedelete::sql;
using sql::StatementKind;

namespace {

/// An opaque piece, as the check puts it in place of `table` in
/// `"DELETE FROM " + table`.
const std::string O(1, sql::OpaqueMark);

/// The only statement in \p Text.
sql::Statement one(const std::string &Text) {
  const std::vector<sql::Statement> All = sql::scan(Text);
  EXPECT_EQ(All.size(), 1u) << Text;
  return All.empty() ? sql::Statement() : All.front();
}

/// Whether some statement in \p Text deletes or updates every row.
bool everyRow(const std::string &Text) {
  for (const sql::Statement &S : sql::scan(Text))
    if (sql::affectsEveryRow(S))
      return true;
  return false;
}

// --- Statement kinds --------------------------------------------------------

TEST(SqlScanner, PlainDeleteHasNoWhere) {
  const sql::Statement S = one("DELETE FROM sessions");
  EXPECT_EQ(S.Kind, StatementKind::Delete);
  EXPECT_FALSE(S.HasWhere);
  EXPECT_EQ(S.Table, "sessions");
  EXPECT_TRUE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, DeleteWithWhere) {
  const sql::Statement S = one("DELETE FROM sessions WHERE id = 1");
  EXPECT_EQ(S.Kind, StatementKind::Delete);
  EXPECT_TRUE(S.HasWhere);
  EXPECT_FALSE(S.ExplicitAllRows);
  EXPECT_FALSE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, KeywordsAreCaseInsensitive) {
  EXPECT_TRUE(everyRow("delete from sessions"));
  EXPECT_TRUE(everyRow("DeLeTe FrOm sessions"));
  EXPECT_FALSE(everyRow("delete from sessions where id = 1"));
  EXPECT_FALSE(everyRow("Delete From sessions Where id = 1"));
}

TEST(SqlScanner, SelectInsertCreateTruncateAreNotDeletes) {
  EXPECT_EQ(one("SELECT * FROM sessions").Kind, StatementKind::Other);
  EXPECT_EQ(one("INSERT INTO sessions VALUES (1)").Kind, StatementKind::Other);
  EXPECT_EQ(one("CREATE TABLE sessions (id INT)").Kind, StatementKind::Other);
  EXPECT_EQ(one("TRUNCATE TABLE sessions").Kind, StatementKind::Other);
  EXPECT_EQ(one("DROP TABLE sessions").Kind, StatementKind::Other);
}

TEST(SqlScanner, DeleteOnlyInsideAStringIsNotADelete) {
  EXPECT_EQ(one("SELECT 'DELETE FROM sessions'").Kind, StatementKind::Other);
  EXPECT_EQ(one("INSERT INTO log VALUES ('delete from t')").Kind,
            StatementKind::Other);
}

TEST(SqlScanner, DeleteOnlyInsideACommentIsNotADelete) {
  EXPECT_TRUE(sql::scan("-- DELETE FROM sessions").empty());
  EXPECT_TRUE(sql::scan("/* DELETE FROM sessions */").empty());
  EXPECT_EQ(one("/* DELETE FROM t */ SELECT 1").Kind, StatementKind::Other);
}

TEST(SqlScanner, ExplainDeleteIsNotExecuted) {
  EXPECT_EQ(one("EXPLAIN DELETE FROM sessions").Kind, StatementKind::Other);
}

TEST(SqlScanner, DeleteWithoutTargetIsNotUnderstood) {
  EXPECT_EQ(one("DELETE").Kind, StatementKind::Other);
  EXPECT_EQ(one("DELETE FROM").Kind, StatementKind::Other);
}

TEST(SqlScanner, ProseIsNotADeleteUnlessItLooksLikeOne) {
  EXPECT_EQ(one("Delete from cache failed").Kind, StatementKind::Delete);
  EXPECT_FALSE(one("Delete from cache failed").UpperCase);
  EXPECT_FALSE(one("DELETE FROM cache failed").Complete);
  EXPECT_EQ(one("Deleted 3 rows").Kind, StatementKind::Other);
}

// --- Comments, strings and quoted identifiers --------------------------------

TEST(SqlScanner, WhereInLineCommentDoesNotCount) {
  EXPECT_TRUE(everyRow("DELETE FROM t -- WHERE id = 1"));
  EXPECT_TRUE(everyRow("DELETE FROM t -- WHERE id = 1\n"));
}

TEST(SqlScanner, WhereAfterLineCommentCounts) {
  EXPECT_FALSE(everyRow("DELETE FROM t -- only old rows\nWHERE id < 10"));
}

TEST(SqlScanner, WhereInBlockCommentDoesNotCount) {
  EXPECT_TRUE(everyRow("DELETE FROM t /* WHERE id = 1 */"));
  EXPECT_TRUE(everyRow("DELETE /* WHERE */ FROM t"));
}

TEST(SqlScanner, WhereAfterBlockCommentCounts) {
  EXPECT_FALSE(everyRow("DELETE FROM t /* old */ WHERE id < 10"));
  EXPECT_FALSE(everyRow("DELETE/**/FROM/**/t/**/WHERE/**/id<10"));
}

TEST(SqlScanner, UnterminatedCommentEndsTheText) {
  EXPECT_TRUE(everyRow("DELETE FROM t /* WHERE id = 1"));
}

TEST(SqlScanner, TextEndingInsideAQuoteIsNotUnderstood) {
  // A one-character quoted name used to lose both quotes to one byte.
  for (const char *Text :
       {"DELETE FROM `", "DELETE FROM \"", "DELETE FROM [", "DELETE TOP `",
        "UPDATE `", "UPDATE t SET `", "DELETE FROM t RETURNING 'x",
        "DELETE FROM `users", "DELETE FROM t $$ x", "DELETE FROM t E'x"})
    EXPECT_EQ(one(Text).Kind, StatementKind::Other) << Text;
  EXPECT_TRUE(everyRow("DELETE FROM `users`; SELECT '"));
  EXPECT_TRUE(everyRow("DELETE FROM `u`"));
  EXPECT_EQ(one("DELETE FROM `u`").Table, "u");
  EXPECT_EQ(one("DELETE FROM []").Table, "");
}

TEST(SqlScanner, WhereInStringDoesNotCount) {
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING ' WHERE x'"));
}

TEST(SqlScanner, DoubledQuoteEscapesInsideString) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE name = 'it''s; WHERE'"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING 'a'' WHERE '''"));
}

TEST(SqlScanner, SemicolonInStringDoesNotSplit) {
  EXPECT_EQ(sql::scan("DELETE FROM t WHERE a = ';DELETE FROM u'").size(), 1u);
}

TEST(SqlScanner, EscapeStringUsesBackslash) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE a = E'x\\' WHERE' AND b = 1"));
  EXPECT_EQ(sql::scan("DELETE FROM t WHERE a = E'\\';' ; SELECT 1").size(), 2u);
}

TEST(SqlScanner, NationalStringPrefix) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE a = N'x'"));
}

TEST(SqlScanner, DoubleQuotedIdentifierNamedWhere) {
  const sql::Statement S = one("DELETE FROM \"where\"");
  EXPECT_EQ(S.Table, "where");
  EXPECT_TRUE(sql::affectsEveryRow(S));
  EXPECT_TRUE(everyRow("DELETE FROM t AS \"WHERE\""));
}

TEST(SqlScanner, BackquotedIdentifierNamedWhere) {
  EXPECT_TRUE(everyRow("DELETE FROM `where`"));
  EXPECT_EQ(one("DELETE FROM `my table`").Table, "my table");
}

TEST(SqlScanner, BracketedIdentifierNamedWhere) {
  EXPECT_TRUE(everyRow("DELETE FROM [where]"));
  EXPECT_EQ(one("DELETE FROM [dbo].[sessions]").Table, "dbo.sessions");
}

TEST(SqlScanner, IdentifierContainingWhereIsNotWhere) {
  EXPECT_TRUE(everyRow("DELETE FROM where_clause"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING where_clause"));
  EXPECT_TRUE(everyRow("DELETE FROM nowhere"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING t.where_"));
}

TEST(SqlScanner, DollarQuotedStringIsSkipped) {
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING $$ WHERE ; $$"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING $tag$ WHERE $ ; $tag$"));
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE a = $q$x;y$q$"));
}

// --- Statements and parentheses ---------------------------------------------

TEST(SqlScanner, SplitsStatementsOnSemicolon) {
  const std::vector<sql::Statement> All =
      sql::scan("BEGIN; DELETE FROM a; DELETE FROM b WHERE x = 1; COMMIT;");
  ASSERT_EQ(All.size(), 4u);
  EXPECT_EQ(All[0].Kind, StatementKind::Other);
  EXPECT_TRUE(sql::affectsEveryRow(All[1]));
  EXPECT_EQ(All[1].Table, "a");
  EXPECT_FALSE(sql::affectsEveryRow(All[2]));
  EXPECT_EQ(All[3].Kind, StatementKind::Other);
}

TEST(SqlScanner, WhereOfTheNextStatementDoesNotCount) {
  EXPECT_TRUE(everyRow("DELETE FROM a; SELECT * FROM b WHERE x = 1"));
}

TEST(SqlScanner, EmptyStatementsAreSkipped) {
  EXPECT_TRUE(sql::scan("").empty());
  EXPECT_TRUE(sql::scan(" ; ;; ").empty());
  EXPECT_EQ(sql::scan(";DELETE FROM t;;").size(), 1u);
}

TEST(SqlScanner, WhereInSubqueryDoesNotCount) {
  EXPECT_TRUE(everyRow("DELETE FROM tokens USING (SELECT id FROM sessions "
                       "WHERE expires_at < now()) AS expired"));
}

TEST(SqlScanner, WhereAfterSubqueryCounts) {
  EXPECT_FALSE(everyRow("DELETE FROM tokens USING (SELECT id FROM s WHERE "
                        "x) AS e WHERE tokens.sid = e.id"));
  EXPECT_FALSE(
      everyRow("DELETE FROM t WHERE id IN (SELECT id FROM u WHERE x = 1)"));
}

TEST(SqlScanner, WithPrefixDelete) {
  const sql::Statement S =
      one("WITH old AS (SELECT id FROM s WHERE x < 1) DELETE FROM sessions");
  EXPECT_EQ(S.Kind, StatementKind::Delete);
  EXPECT_EQ(S.Table, "sessions");
  EXPECT_TRUE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, WithPrefixDeleteWithWhere) {
  EXPECT_FALSE(everyRow("WITH RECURSIVE old(id) AS (SELECT 1) DELETE FROM s "
                        "WHERE id IN (SELECT id FROM old)"));
}

TEST(SqlScanner, WithPrefixSelectIsNotADelete) {
  EXPECT_EQ(one("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d").Kind,
            StatementKind::Other);
}

TEST(SqlScanner, UnbalancedParenthesesDoNotCrash) {
  EXPECT_TRUE(everyRow("DELETE FROM t )) RETURNING x"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING ((x"));
}

TEST(SqlScanner, ExplicitClauseKeepsGluedTokensApart) {
  // Found by the fuzzer: `"t" WHERE 1 = 1RETURNING` reads `1RETURNING`.
  const std::string Glued = "DELETE FROM \"t\"RETURNING id";
  const sql::Statement S = one(Glued);
  EXPECT_EQ(S.WhereInsertOffset, 15u);
  EXPECT_EQ(sql::explicitAllRowsClause(S, Glued), " WHERE 1 = 1 ");
  std::string Fixed = Glued;
  Fixed.insert(S.WhereInsertOffset, sql::explicitAllRowsClause(S, Glued));
  EXPECT_TRUE(one(Fixed).ExplicitAllRows);
  const std::string Spaced = "DELETE FROM t RETURNING id";
  EXPECT_EQ(sql::explicitAllRowsClause(one(Spaced), Spaced), " WHERE 1 = 1");
  const std::string Ended = "DELETE FROM t;";
  EXPECT_EQ(sql::explicitAllRowsClause(one(Ended), Ended), " WHERE 1 = 1");
}

TEST(SqlScanner, DanglingQualifierIsNotAName) {
  // Found by the fuzzer: ` WHERE 1 = 1` after `t.` would be read as part of
  // the name.
  EXPECT_EQ(one("DELETE FROM sessions.").Kind, StatementKind::Other);
  EXPECT_EQ(one("DELETE sessions.").Kind, StatementKind::Other);
  EXPECT_EQ(one("UPDATE s. SET a = 1").Kind, StatementKind::Other);
  EXPECT_EQ(one("DELETE FROM s.t").Table, "s.t");
  EXPECT_EQ(one("DELETE FROM s.t.").Kind, StatementKind::Other);
}

TEST(SqlScanner, NoWhereInsideUnclosedParentheses) {
  // Found by the fuzzer: ` WHERE 1 = 1` at the end would go into the
  // subquery.
  const sql::Statement S =
      one("DELETE FROM tokens USING (SELECT id FROM s WHERE ");
  EXPECT_TRUE(sql::affectsEveryRow(S));
  EXPECT_EQ(S.WhereInsertOffset, 0u);
  EXPECT_EQ(one("DELETE FROM t USING (").WhereInsertOffset, 0u);
  EXPECT_EQ(one("DELETE FROM t RETURNING ((x").WhereInsertOffset, 13u);
  EXPECT_EQ(one("DELETE FROM t USING (SELECT 1)").WhereInsertOffset, 30u);
}

// --- Dialects
// -----------------------------------------------------------------

TEST(SqlScanner, MySqlMultiTableDeleteWithWhere) {
  const sql::Statement S =
      one("DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x = 1");
  EXPECT_EQ(S.Kind, StatementKind::Delete);
  EXPECT_EQ(S.Table, "t1");
  EXPECT_FALSE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, MySqlMultiTableDeleteWithoutWhere) {
  EXPECT_TRUE(everyRow("DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id"));
}

TEST(SqlScanner, MySqlModifiers) {
  EXPECT_EQ(one("DELETE LOW_PRIORITY QUICK IGNORE FROM t").Table, "t");
  EXPECT_TRUE(everyRow("DELETE IGNORE FROM t"));
}

TEST(SqlScanner, LimitBoundsTheRows) {
  EXPECT_FALSE(everyRow("DELETE FROM t ORDER BY id LIMIT 100"));
  EXPECT_FALSE(everyRow("DELETE TOP (10) FROM t"));
  EXPECT_EQ(one("DELETE TOP (10) FROM t").Table, "t");
}

TEST(SqlScanner, PostgresUsingAndReturning) {
  EXPECT_TRUE(everyRow("DELETE FROM t USING u RETURNING t.id"));
  EXPECT_FALSE(everyRow("DELETE FROM t USING u WHERE t.id = u.id RETURNING *"));
}

TEST(SqlScanner, PostgresOnlyAndSchema) {
  const sql::Statement S = one("DELETE FROM ONLY public.sessions");
  EXPECT_EQ(S.Table, "public.sessions");
  EXPECT_TRUE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, PostgresCastIsNotAParameter) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id = '1'::int"));
}

TEST(SqlScanner, SqlServerDeleteWithoutFrom) {
  const sql::Statement S = one("DELETE sessions");
  EXPECT_EQ(S.Table, "sessions");
  EXPECT_TRUE(sql::affectsEveryRow(S));
  EXPECT_FALSE(S.Complete);
}

TEST(SqlScanner, WhereCurrentOf) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE CURRENT OF c"));
}

// --- Placeholders and opaque pieces -----------------------------------------

TEST(SqlScanner, BindParametersAreOperands) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id = ?"));
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id = ?1"));
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id = $1"));
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id = :id"));
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id = @id"));
}

TEST(SqlScanner, BindParameterNamedWhereIsNotWhere) {
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING :where"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING @where"));
}

TEST(SqlScanner, OpaqueTableName) {
  const sql::Statement S = one("DELETE FROM " + O);
  EXPECT_EQ(S.Kind, StatementKind::Delete);
  EXPECT_EQ(S.Table, "");
  EXPECT_TRUE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, OpaqueQuotedTableName) {
  const sql::Statement S = one("DELETE FROM `" + O + "`");
  EXPECT_EQ(S.Kind, StatementKind::Delete);
  EXPECT_EQ(S.Table, "");
  EXPECT_TRUE(sql::affectsEveryRow(S));
  EXPECT_EQ(one("DELETE FROM \"s\".\"" + O + "\"").Table, "");
  EXPECT_FALSE(everyRow("DELETE FROM [" + O + "] WHERE id = 1"));
}

TEST(SqlScanner, OpaqueTableNameThenWhere) {
  EXPECT_FALSE(everyRow("DELETE FROM " + O + " WHERE created < " + O));
}

TEST(SqlScanner, WhereFromALaterPiece) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE " + O));
  EXPECT_FALSE(everyRow("DELETE FROM " + O + " " + "WHERE id = " + O));
}

TEST(SqlScanner, OpaquePieceWhereAClauseCouldStart) {
  const sql::Statement S = one("DELETE FROM t " + O);
  EXPECT_TRUE(S.OpaqueClause);
  EXPECT_FALSE(sql::affectsEveryRow(S));
  EXPECT_FALSE(everyRow("DELETE FROM " + O + " " + O));
  EXPECT_FALSE(everyRow("DELETE " + O));
}

TEST(SqlScanner, OpaquePieceGluedToTheTableName) {
  const sql::Statement S = one("DELETE FROM logs_" + O);
  EXPECT_EQ(S.Table, "");
  EXPECT_TRUE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, OpaqueSchemaAndTable) {
  EXPECT_TRUE(everyRow("DELETE FROM " + O + "." + O));
}

TEST(SqlScanner, OpaqueOperandsAfterKeywords) {
  EXPECT_TRUE(everyRow("DELETE FROM t AS " + O));
  EXPECT_TRUE(everyRow("DELETE FROM t USING " + O));
  EXPECT_TRUE(everyRow("DELETE t FROM t JOIN " + O + " ON t.id = " + O));
}

TEST(SqlScanner, OpaqueInsideStringIsAValue) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE name = '" + O + "'"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING '" + O + "'"));
}

TEST(SqlScanner, FormatPlaceholdersAreOpaque) {
  EXPECT_TRUE(everyRow("DELETE FROM {}"));
  EXPECT_TRUE(everyRow("DELETE FROM {0}"));
  EXPECT_TRUE(everyRow("DELETE FROM %s"));
  EXPECT_TRUE(everyRow("DELETE FROM %1"));
  EXPECT_EQ(one("DELETE FROM %s").Table, "");
}

TEST(SqlScanner, FormatPlaceholderWithWhere) {
  EXPECT_FALSE(everyRow("DELETE FROM {} WHERE id = {}"));
  EXPECT_FALSE(everyRow("DELETE FROM %s WHERE id = %lld"));
  EXPECT_FALSE(everyRow("DELETE FROM %1 WHERE id = %2"));
  EXPECT_FALSE(everyRow("DELETE FROM {:s} WHERE id = {:>8}"));
}

TEST(SqlScanner, FormatPlaceholderMayHoldTheWhere) {
  EXPECT_FALSE(everyRow("DELETE FROM t {}"));
  EXPECT_FALSE(everyRow("DELETE FROM t %s"));
  EXPECT_FALSE(everyRow("DELETE FROM %s %s"));
}

TEST(SqlScanner, EscapedBracesAndPercentAreText) {
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING {{x}}"));
  EXPECT_TRUE(everyRow("DELETE FROM t RETURNING 100%%"));
}

TEST(SqlScanner, ModuloIsNotAPlaceholder) {
  EXPECT_FALSE(everyRow("DELETE FROM t WHERE id % 2 = 0"));
}

// --- Explicit all rows, upper case, insertion point --------------------------

TEST(SqlScanner, ExplicitAllRows) {
  EXPECT_TRUE(one("DELETE FROM t WHERE 1 = 1").ExplicitAllRows);
  EXPECT_TRUE(one("DELETE FROM t WHERE 1=1").ExplicitAllRows);
  EXPECT_TRUE(one("delete from t where true").ExplicitAllRows);
  EXPECT_TRUE(one("DELETE FROM t WHERE 1").ExplicitAllRows);
  EXPECT_TRUE(one("DELETE FROM t WHERE 1 = 1 RETURNING *").ExplicitAllRows);
}

TEST(SqlScanner, ConditionStartingLikeAllRowsIsNotExplicit) {
  EXPECT_FALSE(one("DELETE FROM t WHERE 1 = 1 AND id = 2").ExplicitAllRows);
  EXPECT_FALSE(one("DELETE FROM t WHERE 1 = id").ExplicitAllRows);
  EXPECT_FALSE(one("DELETE FROM t WHERE truest").ExplicitAllRows);
}

TEST(SqlScanner, UpperCaseAndComplete) {
  EXPECT_TRUE(one("DELETE FROM sessions").UpperCase);
  EXPECT_TRUE(one("DELETE FROM sessions").Complete);
  EXPECT_TRUE(one("DELETE FROM sessions RETURNING id").Complete);
  EXPECT_FALSE(one("delete from sessions").UpperCase);
  EXPECT_FALSE(one("DELETE from sessions").UpperCase);
}

TEST(SqlScanner, StatementCutInTheMiddleIsNotComplete) {
  EXPECT_FALSE(one("UPDATE events SET year=").Complete);
  EXPECT_FALSE(one("DELETE FROM t WHERE").Complete);
  EXPECT_FALSE(one("DELETE FROM t USING").Complete);
  EXPECT_FALSE(one("DELETE FROM t RETURNING a,").Complete);
  EXPECT_TRUE(one("UPDATE events SET year = 1").Complete);
  EXPECT_TRUE(one("DELETE FROM t RETURNING (a)").Complete);
}

TEST(SqlScanner, KeywordOffsetAndEnd) {
  const std::string Text = "  /* c */ DELETE FROM t ; ";
  const sql::Statement S = one(Text);
  EXPECT_EQ(S.KeywordOffset, Text.find("DELETE"));
  EXPECT_EQ(S.End, Text.find(" ;"));
  EXPECT_EQ(S.WhereInsertOffset, S.End);
}

TEST(SqlScanner, InsertionGoesBeforeReturning) {
  const std::string Text = "DELETE FROM t RETURNING id";
  EXPECT_EQ(one(Text).WhereInsertOffset, Text.find(" RETURNING"));
}

TEST(SqlScanner, KeywordOffsetAfterWith) {
  const std::string Text = "WITH a AS (SELECT 1) DELETE FROM t";
  EXPECT_EQ(one(Text).KeywordOffset, Text.find("DELETE"));
}

// --- UPDATE
// ---------------------------------------------------------------------

TEST(SqlScanner, UpdateWithoutWhere) {
  const sql::Statement S = one("UPDATE accounts SET balance = 0");
  EXPECT_EQ(S.Kind, StatementKind::Update);
  EXPECT_EQ(S.Table, "accounts");
  EXPECT_TRUE(sql::affectsEveryRow(S));
}

TEST(SqlScanner, UpdateWithWhere) {
  EXPECT_FALSE(everyRow("UPDATE accounts SET balance = 0 WHERE id = ?"));
  EXPECT_FALSE(everyRow("UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1) "
                        "WHERE t.id = 2"));
}

TEST(SqlScanner, UpdateWhereOnlyInSubquery) {
  EXPECT_TRUE(everyRow("UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1)"));
}

TEST(SqlScanner, UpdateOrReplaceAndModifiers) {
  EXPECT_EQ(one("UPDATE OR REPLACE t SET a = 1").Table, "t");
  EXPECT_EQ(one("UPDATE LOW_PRIORITY IGNORE t SET a = 1").Table, "t");
}

TEST(SqlScanner, UpdateWithoutSetIsNotUnderstood) {
  EXPECT_EQ(one("Update available").Kind, StatementKind::Other);
}

TEST(SqlScanner, UpsertIsNotAnUpdate) {
  EXPECT_EQ(
      one("INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1").Kind,
      StatementKind::Other);
}

// --- Robustness and speed ---------------------------------------------------

TEST(SqlScanner, TemporaryTablesAndTheirNames) {
  const sql::Statement Temp = one("CREATE TEMP TABLE pqxxbin (binfield bytea)");
  EXPECT_EQ(Temp.Kind, StatementKind::CreateTemporary);
  EXPECT_EQ(Temp.Table, "pqxxbin");
  EXPECT_FALSE(sql::affectsEveryRow(Temp));
  const sql::Statement Global =
      one("create global temporary table if not exists s.\"Jobs\" (id int)");
  EXPECT_EQ(Global.Kind, StatementKind::CreateTemporary);
  EXPECT_EQ(Global.Table, "s.Jobs");
  const std::vector<sql::Statement> Both =
      sql::scan("CREATE LOCAL TEMPORARY TABLE t AS SELECT 1; DELETE FROM t");
  ASSERT_EQ(Both.size(), 2u);
  EXPECT_EQ(Both[0].Kind, StatementKind::CreateTemporary);
  EXPECT_EQ(Both[0].KeywordOffset, 0u);
  EXPECT_EQ(Both[1].Kind, StatementKind::Delete);
}

TEST(SqlScanner, OtherCreatesAreNotTemporary) {
  EXPECT_EQ(one("CREATE TABLE t (id int)").Kind, StatementKind::Other);
  EXPECT_EQ(one("CREATE TEMP VIEW v AS SELECT 1").Kind, StatementKind::Other);
  EXPECT_EQ(one("CREATE TEMP TABLE " + O + " (id int)").Kind,
            StatementKind::Other);
  EXPECT_EQ(one("CREATE TEMPORARY TABLE").Kind, StatementKind::Other);
}

TEST(SqlScanner, OddInputDoesNotCrash) {
  for (const char *Text : {"'",
                           "\"",
                           "`",
                           "[",
                           "$",
                           "$$",
                           "$a",
                           "$a$",
                           "?",
                           ":",
                           "::",
                           "@",
                           "@@",
                           "%",
                           "%-",
                           "{",
                           "{}",
                           "{{",
                           "--",
                           "/*",
                           "/",
                           "-",
                           "E'",
                           "E'\\",
                           "DELETE FROM '",
                           "DELETE FROM t WHERE",
                           "WITH",
                           "WITH a AS (",
                           "UPDATE",
                           "UPDATE OR",
                           "DELETE TOP",
                           "DELETE TOP (",
                           "\x1f"}) {
    sql::scan(Text);
  }
  SUCCEED();
}

TEST(SqlScanner, ThroughputOnALargeText) {
  std::string Text;
  while (Text.size() < (8u << 20))
    Text += "DELETE FROM sessions_archive /* keep recent */ WHERE created_at "
            "< $1 AND note <> 'it''s -- not a comment' AND id IN (SELECT id "
            "FROM stale WHERE x = ?);\n";
  const auto Start = std::chrono::steady_clock::now();
  const std::vector<sql::Statement> All = sql::scan(Text);
  const std::chrono::duration<double> Took =
      std::chrono::steady_clock::now() - Start;
  EXPECT_FALSE(All.empty());
  for (const sql::Statement &S : All)
    ASSERT_FALSE(sql::affectsEveryRow(S));
  const double MBs = Text.size() / 1e6 / Took.count();
  RecordProperty("MBPerSecond", static_cast<int>(MBs));
  std::printf("SqlScanner throughput: %.1f MB/s over %zu bytes\n", MBs,
              Text.size());
}

} // namespace
