//===--- ExprIdentityTest.cpp - unit tests for support/ExprIdentity ------===//
//
// Each test names the expressions it asks about by the argument they are
// passed as: `a(E)` and `b(E)` in a small function body.
//
//===----------------------------------------------------------------------===//

#include "support/ExprIdentity.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::isSameAccess;
using clang::tidy::safedelete::mentions;
using clang::tidy::safedelete::referencedDecl;
using clang::tidy::safedelete::refersTo;

namespace {

constexpr char Prelude[] = R"(
struct It { int operator*() const; It &operator++(); };
template <class T> void a(const T &);
template <class T> void b(const T &);
struct S {
  It cur, other;
  int key;
  S *next;
)";

class ExprIdentityTest : public ::testing::Test {
protected:
  /// Builds `void S::f(It local, S *p) { Body }`.
  void build(const std::string &Body) {
    AST = tooling::buildASTFromCodeWithArgs(
        std::string(Prelude) + "void f(It local, S *p) {" + Body + "} };",
        {"-std=c++17"});
    ASSERT_TRUE(AST);
  }

  /// The argument of the only call of \p Name.
  const Expr *argOf(const std::string &Name) {
    const auto Found = match(callExpr(callee(functionDecl(hasName(Name))),
                                      hasArgument(0, expr().bind("arg"))),
                             AST->getASTContext());
    EXPECT_EQ(Found.size(), 1u);
    return Found.empty() ? nullptr : Found[0].getNodeAs<Expr>("arg");
  }

  const ValueDecl *declNamed(const std::string &Name) {
    return selectFirst<ValueDecl>(
        "d", match(valueDecl(hasName(Name)).bind("d"), AST->getASTContext()));
  }

  std::unique_ptr<ASTUnit> AST;
};

TEST_F(ExprIdentityTest, ReferencedDeclIsAVariableOrAFieldOfThis) {
  build("a(local);");
  EXPECT_EQ(referencedDecl(argOf("a")), declNamed("local"));
  build("a(cur);");
  EXPECT_EQ(referencedDecl(argOf("a")), declNamed("cur"));
  build("a(this->cur);");
  EXPECT_EQ(referencedDecl(argOf("a")), declNamed("cur"));
  EXPECT_TRUE(refersTo(argOf("a"), declNamed("cur")));
  EXPECT_FALSE(refersTo(argOf("a"), declNamed("other")));
}

TEST_F(ExprIdentityTest, ReferencedDeclIsNotReachedThroughOtherObjects) {
  build("a(p->cur);");
  EXPECT_EQ(referencedDecl(argOf("a")), nullptr);
  build("a(next->cur);");
  EXPECT_EQ(referencedDecl(argOf("a")), nullptr);
  build("a(*cur);");
  EXPECT_EQ(referencedDecl(argOf("a")), nullptr);
  build("a(++cur);");
  EXPECT_EQ(referencedDecl(argOf("a")), nullptr);
  EXPECT_EQ(referencedDecl(nullptr), nullptr);
}

TEST_F(ExprIdentityTest, MentionsFindsVariablesEverywhereInside) {
  build("a(p->key + [&] { return *local; }());");
  EXPECT_TRUE(mentions(argOf("a"), declNamed("p")));
  EXPECT_TRUE(mentions(argOf("a"), declNamed("local")));
  // Variables and parameters, not fields.
  EXPECT_FALSE(mentions(argOf("a"), declNamed("key")));
  EXPECT_FALSE(mentions(nullptr, declNamed("p")));
}

TEST_F(ExprIdentityTest, SameAccessIsSpelledAlikeWithoutSideEffects) {
  build("a(this->key); b(key);");
  EXPECT_TRUE(isSameAccess(argOf("a"), argOf("b")));
  build("a(p->key); b(p->key);");
  EXPECT_TRUE(isSameAccess(argOf("a"), argOf("b")));
  build("a(p->key); b(next->key);");
  EXPECT_FALSE(isSameAccess(argOf("a"), argOf("b")));
  build("a(*cur); b(*cur);");
  EXPECT_TRUE(isSameAccess(argOf("a"), argOf("b")));
  build("a(*++cur); b(*++cur);");
  EXPECT_FALSE(isSameAccess(argOf("a"), argOf("b")));
}

} // namespace
