//===--- MemberCallTest.cpp - unit tests for support/MemberCall ----------===//
//
// Each test asks about the condition of the only `if` in a small function.
//
//===----------------------------------------------------------------------===//

#include "support/MemberCall.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::EndComparison;
using clang::tidy::safedelete::endComparison;

namespace {

constexpr char Prelude[] = R"(
namespace std {
template <class C> auto end(C &c) { return c.end(); }
template <class C> auto cend(const C &c) { return c.end(); }
}
struct It { bool operator==(const It &) const; bool operator!=(const It &) const; };
struct Map { It begin(); It end(); It cend() const; It find(int); };
template <class M> void dependent(M &m, typename M::iterator it) {
  if (it != m.end()) {}
}
)";

class MemberCallTest : public ::testing::Test {
protected:
  /// The end comparison of the condition of the only `if` in
  /// `void f(Map &m, Map *p, Map &n, It it, int *q, int *qe) { Body }`.
  EndComparison compare(const std::string &Body) {
    AST = tooling::buildASTFromCodeWithArgs(
        std::string(Prelude) +
            "void f(Map &m, Map *p, Map &n, It it, int *q, int *qe) {" + Body +
            "}",
        {"-std=c++17"});
    EXPECT_TRUE(AST);
    const auto *If = selectFirst<IfStmt>(
        "if", match(ifStmt(hasAncestor(functionDecl(hasName("f")))).bind("if"),
                    AST->getASTContext()));
    EXPECT_TRUE(If);
    return If ? endComparison(If->getCond()) : EndComparison();
  }

  static std::string name(const Expr *E) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref ? Ref->getDecl()->getNameAsString() : "?";
  }

  std::unique_ptr<ASTUnit> AST;
};

TEST_F(MemberCallTest, IteratorAgainstMemberEnd) {
  const EndComparison C = compare("if (it != m.end()) {}");
  ASSERT_TRUE(C.Iterator);
  EXPECT_EQ(C.Iterator->getName(), "it");
  EXPECT_EQ(name(C.Container), "m");
  EXPECT_FALSE(C.Equal);
  EXPECT_FALSE(C.Arrow);
}

TEST_F(MemberCallTest, EitherSideConstEndAndArrow) {
  const EndComparison C = compare("if (p->cend() == it) {}");
  ASSERT_TRUE(C.Iterator);
  EXPECT_EQ(name(C.Container), "p");
  EXPECT_TRUE(C.Equal);
  EXPECT_TRUE(C.Arrow);
}

TEST_F(MemberCallTest, FreeEnd) {
  const EndComparison C = compare("if (it == std::end(n)) {}");
  ASSERT_TRUE(C.Iterator);
  EXPECT_EQ(name(C.Container), "n");
  EXPECT_TRUE(C.Equal);
}

TEST_F(MemberCallTest, RewrittenInCxx20) {
  AST = tooling::buildASTFromCodeWithArgs(
      "struct I { bool operator==(const I &) const; };"
      "struct C { I end(); };"
      "void f(C &c, I i) { if (i != c.end()) {} }",
      {"-std=c++20"});
  ASSERT_TRUE(AST);
  const auto *If = selectFirst<IfStmt>(
      "if", match(ifStmt().bind("if"), AST->getASTContext()));
  ASSERT_TRUE(If);
  const EndComparison C = endComparison(If->getCond());
  ASSERT_TRUE(C.Iterator);
  EXPECT_EQ(C.Iterator->getName(), "i");
  EXPECT_FALSE(C.Equal);
}

TEST_F(MemberCallTest, BuiltinPointers) {
  EXPECT_FALSE(compare("if (q == qe) {}").Iterator);
}

TEST_F(MemberCallTest, NotAnEnd) {
  EXPECT_FALSE(compare("if (it != m.begin()) {}").Iterator);
  EXPECT_FALSE(compare("if (it != m.find(1)) {}").Iterator);
  EXPECT_FALSE(compare("if (m.end() != m.end()) {}").Iterator);
}

TEST_F(MemberCallTest, DependentEnd) {
  AST = tooling::buildASTFromCodeWithArgs(Prelude, {"-std=c++17"});
  ASSERT_TRUE(AST);
  const auto *If = selectFirst<IfStmt>(
      "if", match(ifStmt().bind("if"), AST->getASTContext()));
  ASSERT_TRUE(If);
  const EndComparison C = endComparison(If->getCond());
  ASSERT_TRUE(C.Iterator);
  EXPECT_EQ(C.Iterator->getName(), "it");
  EXPECT_FALSE(C.Equal);
}

} // namespace
