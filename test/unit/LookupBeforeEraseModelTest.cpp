//===--- LookupBeforeEraseModelTest.cpp - the lookup-before-erase model ---===//
//
// The model on its own, without the check: the `if` of the function `f`
// and the lookup in its condition are found by plain matchers, and the
// model says which erase the branch guards and what surrounds the `if`.
//
//===----------------------------------------------------------------------===//

#include "LookupBeforeEraseModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace lbe = clang::tidy::safedelete::lookup_before_erase;
using clang::tidy::safedelete::MemberCall;

namespace {

constexpr char Library[] = R"(
namespace std {
template <class K, class V> struct map {
  struct iterator { bool operator!=(const iterator &) const; };
  iterator find(const K &); iterator end();
  unsigned long count(const K &) const;
  unsigned long erase(const K &);
};
}
void log();
)";

class LookupBeforeEraseModelTest : public ::testing::Test {
protected:
  /// Builds \p Code and finds the first `if` of `f`, the first `count` or
  /// `find` call in its condition and the iterator a find went into.
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    ASSERT_TRUE(AST);
    ASTContext &Context = AST->getASTContext();
    const auto InF = hasAncestor(functionDecl(hasName("f")));
    If = selectFirst<IfStmt>("if", match(ifStmt(InF).bind("if"), Context));
    ASSERT_TRUE(If);
    const auto *Call = selectFirst<CallExpr>(
        "c", match(cxxMemberCallExpr(
                       InF, callee(cxxMethodDecl(hasAnyName("count", "find"))))
                       .bind("c"),
                   Context));
    ASSERT_TRUE(Call);
    Lookup = MemberCall::of(Call);
    Iter = selectFirst<VarDecl>(
        "it", match(varDecl(InF, hasName("it")).bind("it"), Context));
  }

  const SourceManager &sm() const { return AST->getSourceManager(); }
  const LangOptions &langOpts() const { return AST->getLangOpts(); }

  /// The text from \p Begin to the end of the token at \p End.
  std::string text(SourceLocation Begin, SourceLocation End) const {
    return Lexer::getSourceText(CharSourceRange::getTokenRange(Begin, End),
                                sm(), langOpts())
        .str();
  }

  std::unique_ptr<ASTUnit> AST;
  const IfStmt *If = nullptr;
  MemberCall Lookup;
  const VarDecl *Iter = nullptr;
};

TEST_F(LookupBeforeEraseModelTest, TheBranchErasesTheKeyFirst) {
  build(R"(
    void f(std::map<int, int> &m, int k) {
      if (m.count(k)) {
        m.erase(k);
        log();
      }
    })");
  const lbe::GuardedErase G = lbe::guardedErase(If, Lookup, "erase", nullptr);
  ASSERT_TRUE(G.EraseStmt);
  EXPECT_FALSE(G.Nested);
  EXPECT_EQ(G.Body.size(), 2u);
  EXPECT_TRUE(G.Before.empty());
  EXPECT_FALSE(lbe::touchedBeforeErase(G, Lookup, nullptr));
}

TEST_F(LookupBeforeEraseModelTest, AnotherContainersEraseIsNotGuarded) {
  build(R"(
    void f(std::map<int, int> &m, std::map<int, int> &other, int k) {
      if (m.count(k))
        other.erase(k);
    })");
  EXPECT_FALSE(lbe::guardedErase(If, Lookup, "erase", nullptr).EraseStmt);
}

TEST_F(LookupBeforeEraseModelTest, AfterAFindTheEraseMayBeNested) {
  build(R"(
    void f(std::map<int, int> &m, int k, bool expired) {
      auto it = m.find(k);
      if (it != m.end()) {
        log();
        if (expired)
          m.erase(k);
      }
    })");
  ASSERT_TRUE(Iter);
  const lbe::GuardedErase G = lbe::guardedErase(If, Lookup, "erase", Iter);
  ASSERT_TRUE(G.EraseStmt);
  EXPECT_TRUE(G.Nested);
  // log() and the condition `expired` run first; log() may touch `m`.
  EXPECT_EQ(G.Before.size(), 2u);
  EXPECT_TRUE(lbe::touchedBeforeErase(G, Lookup, Iter));
  EXPECT_TRUE(lbe::declaredRightBefore(Iter, If, sm(), langOpts()));
}

TEST_F(LookupBeforeEraseModelTest, TheEraseAfterAnEarlyExitIsReadFromTokens) {
  build(R"(
    void f(std::map<int, int> &m, int k) {
      if (!m.count(k))
        return;
      m.erase( k );
    })");
  const auto After = lbe::eraseAfter(If, Lookup, "erase", sm(), langOpts());
  ASSERT_TRUE(After);
  EXPECT_EQ(text(After->Begin, After->RParen), "m.erase( k )");
  EXPECT_EQ(text(After->Name, After->Name), "erase");
  EXPECT_EQ(text(After->Key.getBegin(), After->Key.getEnd()), "k");
  EXPECT_TRUE(lbe::isBlockStatement(If, sm(), langOpts()));
}

TEST_F(LookupBeforeEraseModelTest, AnEraseOfAnotherKeyAfterTheExitIsNotIt) {
  build(R"(
    void f(std::map<int, int> &m, int k, int j) {
      if (!m.count(k))
        return;
      m.erase(j);
    })");
  EXPECT_FALSE(lbe::eraseAfter(If, Lookup, "erase", sm(), langOpts()));
}

TEST_F(LookupBeforeEraseModelTest, TheReturnAfterTheIfIsFound) {
  build(R"(
    bool f(std::map<int, int> &m, int k) {
      if (m.count(k)) {
        m.erase(k);
        return true;
      }
      return false;
    })");
  bool Value = false;
  const lbe::GuardedErase G = lbe::guardedErase(If, Lookup, "erase", nullptr);
  ASSERT_EQ(G.Body.size(), 2u);
  EXPECT_TRUE(lbe::returnsBool(G.Body[1], Value));
  EXPECT_TRUE(Value);
  const SourceLocation Otherwise =
      lbe::returnAfter(If, /*Value=*/false, sm(), langOpts());
  ASSERT_TRUE(Otherwise.isValid());
  EXPECT_EQ(text(Otherwise, Otherwise), "false");
  EXPECT_FALSE(
      lbe::returnAfter(If, /*Value=*/true, sm(), langOpts()).isValid());
}

TEST_F(LookupBeforeEraseModelTest, AnElseIfIsNoStatementOfABlock) {
  build(R"(
    void f(std::map<int, int> &m, int k, bool b) {
      if (b) log(); else if (!m.count(k)) return;
      m.erase(k);
    })");
  // The first `if` of f is the outer one; its else is the inner.
  const auto *Inner = dyn_cast<IfStmt>(If->getElse());
  ASSERT_TRUE(Inner);
  EXPECT_TRUE(lbe::isBlockStatement(If, sm(), langOpts()));
  EXPECT_FALSE(lbe::isBlockStatement(Inner, sm(), langOpts()));
}

} // namespace
