//===--- NameListTest.cpp - unit tests for support/NameList --------------===//

#include "support/NameList.h"
#include "gtest/gtest.h"

using clang::tidy::safedelete::IndexedNameList;
using clang::tidy::safedelete::isLastPartListed;
using clang::tidy::safedelete::isListedName;
using clang::tidy::safedelete::isQualifiedName;
using clang::tidy::safedelete::lastPart;
using clang::tidy::safedelete::matchesListedName;
using clang::tidy::safedelete::NameList;
using clang::tidy::safedelete::parseIndexedNameList;
using clang::tidy::safedelete::parseNameList;

namespace {

TEST(IsQualifiedName, AcceptsPlainAndQualifiedNames) {
  EXPECT_TRUE(isQualifiedName("map"));
  EXPECT_TRUE(isQualifiedName("::std::map"));
  EXPECT_TRUE(isQualifiedName("absl::flat_hash_map"));
  EXPECT_TRUE(isQualifiedName("_Detail::Map2"));
}

TEST(IsQualifiedName, RejectsEverythingElse) {
  EXPECT_FALSE(isQualifiedName(""));
  EXPECT_FALSE(isQualifiedName("::"));
  EXPECT_FALSE(isQualifiedName("std::"));
  EXPECT_FALSE(isQualifiedName("std:::map"));
  EXPECT_FALSE(isQualifiedName("std::map<int, int>"));
  EXPECT_FALSE(isQualifiedName("std map"));
  EXPECT_FALSE(isQualifiedName("2map"));
  EXPECT_FALSE(isQualifiedName("std::.*"));
  EXPECT_FALSE(isQualifiedName("a::::b"));
}

TEST(ParseNameList, SplitsTrimsAndSkipsEmptyEntries) {
  const NameList L = parseNameList(" ::std::map ; ;set;; llvm::DenseMap ;");
  EXPECT_EQ(L.Names,
            (std::vector<std::string>{"::std::map", "set", "llvm::DenseMap"}));
  EXPECT_TRUE(L.Invalid.empty());
}

TEST(ParseNameList, ReportsInvalidEntriesAndKeepsTheRest) {
  const NameList L = parseNameList("std::map;std::vector<int>;;a b;Cache");
  EXPECT_EQ(L.Names, (std::vector<std::string>{"std::map", "Cache"}));
  EXPECT_EQ(L.Invalid, (std::vector<std::string>{"std::vector<int>", "a b"}));
}

TEST(ParseNameList, EmptyValueGivesEmptyList) {
  EXPECT_TRUE(parseNameList("").Names.empty());
  EXPECT_TRUE(parseNameList(" ; ;").Names.empty());
  EXPECT_TRUE(parseNameList(" ; ;").Invalid.empty());
}

TEST(ParseIndexedNameList, SplitsNamesAndIndices) {
  const IndexedNameList L = parseIndexedNameList(
      " ::sqlite3_exec:1 ;PQexec : 1;;::pqxx::transaction_base::exec:0");
  ASSERT_EQ(L.Entries.size(), 3u);
  EXPECT_EQ(L.Entries[0].Name, "::sqlite3_exec");
  EXPECT_EQ(L.Entries[0].Index, 1u);
  EXPECT_EQ(L.Entries[1].Name, "PQexec");
  EXPECT_EQ(L.Entries[2].Name, "::pqxx::transaction_base::exec");
  EXPECT_EQ(L.Entries[2].Index, 0u);
  EXPECT_TRUE(L.Invalid.empty());
}

TEST(ParseIndexedNameList, AcceptsOperators) {
  const IndexedNameList L =
      parseIndexedNameList("::soci::session::operator<<:0;operator<<:1");
  ASSERT_EQ(L.Entries.size(), 2u);
  EXPECT_EQ(L.Entries[0].Name, "::soci::session::operator<<");
  EXPECT_EQ(L.Entries[1].Name, "operator<<");
  EXPECT_TRUE(L.Invalid.empty());
}

TEST(ParseIndexedNameList, ReportsEntriesWithoutAValidIndexOrName) {
  const IndexedNameList L = parseIndexedNameList(
      "exec;exec:x;:1;a b:1;exec:-1;std::map<int>:1;good:2");
  ASSERT_EQ(L.Entries.size(), 1u);
  EXPECT_EQ(L.Entries[0].Name, "good");
  EXPECT_EQ(L.Invalid,
            (std::vector<std::string>{"exec", "exec:x", ":1", "a b:1",
                                      "exec:-1", "std::map<int>:1"}));
}

TEST(MatchesListedName, FollowsHasAnyName) {
  EXPECT_TRUE(matchesListedName("app::Cache", "::app::Cache"));
  EXPECT_TRUE(matchesListedName("app::Cache", "app::Cache"));
  EXPECT_TRUE(matchesListedName("app::Cache", "Cache"));
  EXPECT_TRUE(matchesListedName("x::app::Cache", "app::Cache"));
  EXPECT_FALSE(matchesListedName("x::app::Cache", "::app::Cache"));
  EXPECT_FALSE(matchesListedName("app::MyCache", "Cache"));
  EXPECT_FALSE(matchesListedName("", "Cache"));
  EXPECT_TRUE(isListedName("std::mutex", {"::absl::Mutex", "::std::mutex"}));
  EXPECT_FALSE(isListedName("std::mutex", {}));
}

TEST(IsLastPartListed, ComparesTheUnqualifiedName) {
  const std::vector<std::string> Guards = {"::std::lock_guard", "MutexLock",
                                           "base::AutoLock"};
  EXPECT_TRUE(isLastPartListed("lock_guard", Guards));
  EXPECT_TRUE(isLastPartListed("MutexLock", Guards));
  EXPECT_TRUE(isLastPartListed("AutoLock", Guards));
  EXPECT_FALSE(isLastPartListed("std", Guards));
  EXPECT_FALSE(isLastPartListed("base", Guards));
  EXPECT_FALSE(isLastPartListed("guard", Guards));
  EXPECT_FALSE(isLastPartListed("lock_guard", {}));
}

TEST(NameListTest, LastPartIsAfterTheLastColons) {
  EXPECT_EQ(lastPart("::app::Cache"), "Cache");
  EXPECT_EQ(lastPart("std::map"), "map");
  EXPECT_EQ(lastPart("::sqlite3_exec"), "sqlite3_exec");
  EXPECT_EQ(lastPart("erase"), "erase");
  EXPECT_EQ(lastPart("ns::"), "");
  EXPECT_EQ(lastPart(""), "");
}

TEST(NameListTest, IsOneOfIsExact) {
  using clang::tidy::safedelete::isOneOf;
  EXPECT_TRUE(isOneOf("erase", {"clear", "erase"}));
  EXPECT_FALSE(isOneOf("Erase", {"clear", "erase"}));
  EXPECT_FALSE(isOneOf("eras", {"erase"}));
  EXPECT_FALSE(isOneOf("erase", {}));
}

TEST(IdentifierWords, SplitsCamelSnakeAndCapitals) {
  using clang::tidy::safedelete::identifierWords;
  using Words = std::vector<std::string>;
  EXPECT_EQ(identifierWords("queryText"), (Words{"query", "text"}));
  EXPECT_EQ(identifierWords("SQLText"), (Words{"sql", "text"}));
  EXPECT_EQ(identifierWords("sql_text"), (Words{"sql", "text"}));
  EXPECT_EQ(identifierWords("m_sqlStatement2"),
            (Words{"m", "sql", "statement"}));
  EXPECT_EQ(identifierWords("_stmt_"), (Words{"stmt"}));
  EXPECT_EQ(identifierWords("subquery"), (Words{"subquery"}));
  EXPECT_EQ(identifierWords("SQL"), (Words{"sql"}));
  EXPECT_EQ(identifierWords(""), Words{});
  EXPECT_EQ(identifierWords("__"), Words{});
}

TEST(HasListedWord, MatchesWholeWordsAndPlurals) {
  using clang::tidy::safedelete::hasListedWord;
  const std::vector<std::string> Sql = {"sql", "query", "statement"};
  EXPECT_TRUE(hasListedWord("statement", Sql));
  EXPECT_TRUE(hasListedWord("sqlStatements", Sql));
  EXPECT_TRUE(hasListedWord("queryText", Sql));
  EXPECT_TRUE(hasListedWord("raw_SQL", Sql));
  EXPECT_FALSE(hasListedWord("subquery", Sql));
  EXPECT_FALSE(hasListedWord("sqlite", Sql));
  EXPECT_FALSE(hasListedWord("message", Sql));
  EXPECT_FALSE(hasListedWord("statementss", Sql));
  EXPECT_FALSE(hasListedWord("sql", {}));
}

} // namespace
