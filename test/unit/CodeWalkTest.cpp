//===--- CodeWalkTest.cpp - unit tests for support/CodeWalk --------------===//
//
// Each test walks a small translation unit and lists what the visitor saw:
// the calls (by callee name), the functions and the lambdas entered.
//
//===----------------------------------------------------------------------===//

#include "support/CodeWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::CodeWalk;

namespace {

struct Seen : CodeWalk::Visitor {
  std::vector<std::string> Calls, Functions;
  unsigned Lambdas = 0;
  void enterFunction(const FunctionDecl *Fn) override {
    Functions.push_back(Fn->getNameAsString());
  }
  void enterLambda(const LambdaExpr *) override { ++Lambdas; }
  void visitStatement(const Stmt *S) override {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        Calls.push_back(Callee->getNameAsString());
  }
};

struct Roots : MatchFinder::MatchCallback {
  CodeWalk Walk;
  Seen Visitor;
  void run(const MatchFinder::MatchResult &Result) override {
    EXPECT_TRUE(Walk.walkRoot(Result.Nodes, Visitor));
  }
};

Seen walk(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  EXPECT_TRUE(AST);
  Roots Callback;
  MatchFinder Finder;
  CodeWalk::registerRoots(Finder, &Callback);
  Finder.matchAST(AST->getASTContext());
  std::sort(Callback.Visitor.Calls.begin(), Callback.Visitor.Calls.end());
  return Callback.Visitor;
}

using Names = std::vector<std::string>;

TEST(CodeWalkTest, EachFunctionAndLambdaOnce) {
  const Seen S = walk(R"(
    void a(); void b(); void c();
    auto global = [] { a(); };
    void f() {
      auto inner = [] { b(); auto nested = [] { c(); }; };
    }
  )");
  EXPECT_EQ(S.Calls, (Names{"a", "b", "c"}));
  EXPECT_EQ(S.Functions, (Names{"f"}));
  EXPECT_EQ(S.Lambdas, 3u);
}

TEST(CodeWalkTest, TemplatePatternNotInstantiations) {
  const Seen S = walk(R"(
    void g(int); void h();
    template <class T> void t(T x) { h(); g(x); }
    void u() { t(1); t(2L); }
  )");
  // g(x) is dependent in the pattern; the instantiations are not walked.
  EXPECT_EQ(S.Calls, (Names{"h", "t", "t"}));
  EXPECT_EQ(S.Functions, (Names{"t", "u"}));
}

TEST(CodeWalkTest, RangeForWithoutItsImplicitCalls) {
  const Seen S = walk(R"(
    struct It { int operator*(); It &operator++(); bool operator!=(It); };
    struct R { It begin(); It end(); };
    R make(); void g(int);
    void f() { for (int x : make()) g(x); }
  )");
  EXPECT_EQ(S.Calls, (Names{"g", "make"}));
}

TEST(CodeWalkTest, InitializersOutsideBodies) {
  const Seen S = walk(R"(
    int h1(); int h2(); int h3();
    struct S {
      int a = h1();
      int b;
      int c = [] { return h3(); }();
      S() : b(h2()) {}
    };
  )");
  // h1 and h3 once each: the constructor's implicit initializers of a and
  // c are not walked again. The lambda is called where it is written.
  EXPECT_EQ(S.Calls, (Names{"h1", "h2", "h3", "operator()"}));
  EXPECT_EQ(S.Functions, (Names{"S"}));
  EXPECT_EQ(S.Lambdas, 1u);
}

TEST(CodeWalkTest, LocalClassMethodsAreTheirOwnRoots) {
  const Seen S = walk(R"(
    void a(); void b();
    void f() {
      struct Local { void m() { b(); } };
      a();
    }
  )");
  EXPECT_EQ(S.Calls, (Names{"a", "b"}));
  EXPECT_EQ(S.Functions, (Names{"f", "m"}));
}

} // namespace
