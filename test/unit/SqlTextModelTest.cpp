//===--- SqlTextModelTest.cpp - the unconditional-sql-delete model --------===//
//
// The SQL text of the argument of a call `run(...)`, read by the model on
// its own, without the check; and the temporary tables of a main file.
//
//===----------------------------------------------------------------------===//

#include "UnconditionalSqlDeleteModel.h"
#include "support/SqlScanner.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::safedelete::sql_delete;

namespace {

constexpr char Library[] = R"(
namespace std {
struct string {
  string(const char *);
  const char *c_str() const;
};
string operator+(const string &, const string &);
string operator+(const string &, const char *);
}
void run(const char *sql);
)";

class SqlTextModelTest : public ::testing::Test {
protected:
  /// The SQL text of the argument of the last call of `run` in \p Code.
  model::SqlText textOf(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    EXPECT_TRUE(AST);
    model::SqlText Sql;
    const auto Calls =
        match(callExpr(callee(functionDecl(hasName("::run")))).bind("c"),
              AST->getASTContext());
    EXPECT_FALSE(Calls.empty());
    if (!Calls.empty())
      Sql.add(Calls.back().getNodeAs<CallExpr>("c")->getArg(0), 0);
    return Sql;
  }

  std::unique_ptr<ASTUnit> AST;
};

TEST_F(SqlTextModelTest, JoinsLiteralsAndMarksWhatItCannotKnow) {
  const model::SqlText Sql = textOf(
      "void f(const char *table) {\n"
      "  const std::string sql = std::string(\"DELETE FROM \") + table;\n"
      "  run(sql.c_str());\n"
      "}\n");
  EXPECT_EQ(Sql.Text, std::string("DELETE FROM ") +
                          clang::tidy::safedelete::sql::OpaqueMark);
  ASSERT_EQ(Sql.Pieces.size(), 2u);
  EXPECT_TRUE(Sql.Pieces[0].Literal);
  EXPECT_TRUE(Sql.Pieces[1].Opaque);
  EXPECT_TRUE(Sql.Pieces[1].Appendable);
  EXPECT_EQ(Sql.pieceAt(3), &Sql.Pieces[0]);
  EXPECT_TRUE(Sql.known());
  EXPECT_FALSE(Sql.ThroughReturn);
}

TEST_F(SqlTextModelTest, FollowsTheValueAHelperReturns) {
  const model::SqlText Sql =
      textOf("std::string composeDelete() {\n"
             "  return std::string(\"DELETE FROM jobs\");\n"
             "}\n"
             "void f() { run(composeDelete().c_str()); }\n");
  EXPECT_EQ(Sql.Text, "DELETE FROM jobs");
  EXPECT_TRUE(Sql.ThroughReturn);
}

TEST_F(SqlTextModelTest, KeepsAParameterOpaque) {
  const model::SqlText Sql = textOf("void f(const char *sql) { run(sql); }\n");
  EXPECT_FALSE(Sql.known());
  ASSERT_EQ(Sql.Pieces.size(), 1u);
  EXPECT_TRUE(Sql.Pieces[0].Opaque);
}

TEST_F(SqlTextModelTest, FindsTheTemporaryTablesOfTheMainFile) {
  AST = tooling::buildASTFromCodeWithArgs(
      std::string(Library) +
          "void f() {\n"
          "  run(\"CREATE TEMP TABLE \" \"Scratch (id int)\");\n"
          "  run(R\"(CREATE GLOBAL TEMPORARY TABLE IF NOT EXISTS t2 (x "
          "int))\");\n"
          "  run(\"CREATE TABLE kept (id int)\");\n"
          "}\n",
      {"-std=c++17"});
  ASSERT_TRUE(AST);
  const llvm::StringSet<> Tables = model::temporaryTablesOf(
      AST->getSourceManager(), AST->getASTContext().getLangOpts());
  EXPECT_EQ(Tables.size(), 2u);
  EXPECT_TRUE(Tables.contains("scratch"));
  EXPECT_TRUE(Tables.contains("t2"));
}

} // namespace

TEST(SqlParameterByName, TheFirstParameterNamedForSqlInAnyDeclaration) {
  const std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      R"(
      struct QString { QString(const char *); };
      enum Kind { A };
      struct Db {
        bool execNow(int queryId, Kind stmtKind, const QString &statement);
        bool prepare(const char *);
        void log(const char *message);
        Db(const char *sqlText);
      };
      bool Db::prepare(const char *queryText) { return queryText; }
      )",
      {"-std=c++17"});
  ASSERT_TRUE(AST);
  const std::vector<std::string> Words = {"sql", "query", "statement", "stmt"};
  const auto Method = [&](const char *Name) {
    return selectFirst<FunctionDecl>(
        "f",
        match(functionDecl(hasName(Name)).bind("f"), AST->getASTContext()));
  };
  // int queryId and Kind stmtKind are not text.
  EXPECT_EQ(model::sqlParameterByName(*Method("execNow"), Words), 2u);
  // The declaration in the class has no name; its definition does.
  const auto *Prepare = Method("prepare");
  EXPECT_EQ(model::sqlParameterByName(*Prepare->getCanonicalDecl(), Words), 0u);
  EXPECT_EQ(model::sqlParameterByName(*Method("Db"), Words), 0u);
  EXPECT_EQ(model::sqlParameterByName(*Method("log"), Words), std::nullopt);
  EXPECT_EQ(model::sqlParameterByName(*Method("execNow"), {}), std::nullopt);
}
