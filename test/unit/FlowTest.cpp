//===--- FlowTest.cpp - unit tests for support/Flow ----------------------===//
//
// Each test body calls from() (the statement the question starts at),
// use(N) (the candidate uses) and kill() (reassignments), and asks the flow
// of that body which uses come first after from().
//
//===----------------------------------------------------------------------===//

#include "support/Flow.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::FlowCache;
using clang::tidy::safedelete::FunctionFlow;
using clang::tidy::safedelete::isWithin;
using clang::tidy::safedelete::loopParts;

namespace {

constexpr char Prelude[] =
    "void from(); void use(int); void kill(); "
    "void a(); void c(); void d(); [[noreturn]] void stop();\n";

class FlowTest : public ::testing::Test {
protected:
  /// Builds `void f(bool b, int n) { Body }` and its flow.
  void build(const std::string &Body) {
    Cache.clear();
    AST = tooling::buildASTFromCode(std::string(Prelude) +
                                    "void f(bool b, int n) {" + Body + "}");
    ASSERT_TRUE(AST);
    F = selectFirst<FunctionDecl>(
        "f", match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                   AST->getASTContext()));
    ASSERT_TRUE(F);
    Flow = Cache.flowOf(F->getBody(), AST->getASTContext());
    ASSERT_TRUE(Flow);
  }

  /// The calls of \p Name in source order.
  std::vector<const Stmt *> calls(const std::string &Name) {
    std::vector<const Stmt *> Found;
    for (const BoundNodes &N :
         match(findAll(
                   callExpr(callee(functionDecl(hasName(Name)))).bind("call")),
               *F->getBody(), AST->getASTContext()))
      Found.push_back(N.getNodeAs<Stmt>("call"));
    std::sort(Found.begin(), Found.end(), [](const Stmt *L, const Stmt *R) {
      return L->getBeginLoc() < R->getBeginLoc();
    });
    return Found;
  }

  /// The numbers N of the use(N) calls reached first after the only from().
  std::vector<int> firstUses() {
    std::vector<int> Numbers;
    const std::vector<const Stmt *> Uses = calls("use");
    for (const Stmt *S :
         Flow->firstUsesAfter(calls("from").front(), Uses, calls("kill"))) {
      const auto *Arg =
          cast<IntegerLiteral>(cast<CallExpr>(S)->getArg(0)->IgnoreImplicit());
      Numbers.push_back(static_cast<int>(Arg->getValue().getZExtValue()));
    }
    std::sort(Numbers.begin(), Numbers.end());
    return Numbers;
  }

  bool exits() {
    return Flow->reachesExit(calls("from").front(), calls("kill"));
  }

  bool before(const std::string &A, const std::string &B) {
    return Flow->guaranteedBefore(calls(A).front(), calls(B).front());
  }

  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
  FlowCache Cache;
  const FunctionFlow *Flow = nullptr;
};

using Numbers = std::vector<int>;

TEST_F(FlowTest, UseRightAfter) {
  build("from(); use(1); use(2);");
  EXPECT_EQ(firstUses(), Numbers({1}));
}

TEST_F(FlowTest, UseBeforeIsNotAfter) {
  build("use(1); from();");
  EXPECT_EQ(firstUses(), Numbers());
}

TEST_F(FlowTest, KillStopsThePath) {
  build("from(); kill(); use(1);");
  EXPECT_EQ(firstUses(), Numbers());
}

TEST_F(FlowTest, KillAfterTheUseDoesNotHelp) {
  build("from(); use(1); kill();");
  EXPECT_EQ(firstUses(), Numbers({1}));
}

TEST_F(FlowTest, ConditionalFromReachesTheUse) {
  build("if (b) from(); use(1);");
  EXPECT_EQ(firstUses(), Numbers({1}));
}

TEST_F(FlowTest, OtherBranchIsNotReached) {
  build("if (b) from(); else use(1);");
  EXPECT_EQ(firstUses(), Numbers());
}

TEST_F(FlowTest, ReturnEndsThePath) {
  build("if (b) { from(); return; } use(1);");
  EXPECT_EQ(firstUses(), Numbers());
}

TEST_F(FlowTest, FirstUseOnEachPath) {
  build("from(); if (b) use(1); else use(2); use(3);");
  EXPECT_EQ(firstUses(), Numbers({1, 2}));
}

TEST_F(FlowTest, PathWithoutUseOnOneBranch) {
  build("from(); if (b) use(1); use(2);");
  EXPECT_EQ(firstUses(), Numbers({1, 2}));
}

TEST_F(FlowTest, KillOnOneBranchOnly) {
  build("from(); if (b) kill(); use(1);");
  EXPECT_EQ(firstUses(), Numbers({1}));
}

TEST_F(FlowTest, ExitReachedUnlessEveryPathKills) {
  build("from();");
  EXPECT_TRUE(exits());
  build("from(); kill();");
  EXPECT_FALSE(exits());
  build("from(); if (b) kill();");
  EXPECT_TRUE(exits());
  build("if (b) { from(); return; } kill();");
  EXPECT_TRUE(exits());
  build("from(); if (b) { kill(); return; } kill();");
  EXPECT_FALSE(exits());
  build("while (n--) from(); kill();");
  EXPECT_FALSE(exits());
  build("kill(); from();");
  EXPECT_TRUE(exits());
}

TEST_F(FlowTest, NoReturnEndsNoPathAtTheExit) {
  build("from(); if (b) { kill(); return; } throw 1;");
  EXPECT_TRUE(exits());
  build("from(); if (b) kill(); else stop();");
  EXPECT_FALSE(exits());
}

TEST_F(FlowTest, NextIterationOfALoop) {
  build("while (n--) { use(1); from(); }");
  EXPECT_EQ(firstUses(), Numbers({1}));
}

TEST_F(FlowTest, BreakLeavesTheLoop) {
  build("while (n--) { use(1); if (b) { from(); break; } } kill(); use(2);");
  EXPECT_EQ(firstUses(), Numbers());
}

TEST_F(FlowTest, ReachableWithoutKill) {
  build("from(); if (b) kill(); use(1);");
  EXPECT_TRUE(Flow->reachable(calls("from").front(), calls("use").front(),
                              calls("kill")));
  build("from(); kill(); use(1);");
  EXPECT_FALSE(Flow->reachable(calls("from").front(), calls("use").front(),
                               calls("kill")));
}

TEST_F(FlowTest, GuaranteedBefore) {
  build("a(); if (b) c(); d();");
  EXPECT_TRUE(before("a", "d"));
  EXPECT_TRUE(before("a", "c"));
  EXPECT_FALSE(before("c", "d"));
  EXPECT_FALSE(before("d", "a"));
}

TEST_F(FlowTest, GuaranteedBeforeInALoop) {
  build("while (n--) { c(); a(); } d();");
  EXPECT_FALSE(before("a", "d"));
  EXPECT_TRUE(before("c", "a"));
  EXPECT_FALSE(before("a", "c"));
}

TEST_F(FlowTest, CacheBuildsOnce) {
  build("from(); use(1);");
  EXPECT_EQ(Cache.flowOf(F->getBody(), AST->getASTContext()), Flow);
}

// `int i = 0, j = n;` is no CFG element (the CFG declares i and j on their
// own), and still a kill, in its block and in a later one.
TEST_F(FlowTest, SplitDeclarationKills) {
  for (const char *Body :
       {"from(); int a = 0, c = n; use(1);",
        "from(); for (int i = 0, j = n; i < j; ++i) use(1);"}) {
    build(Body);
    const Stmt *Declaration = nullptr;
    for (const BoundNodes &N : match(findAll(declStmt().bind("d")),
                                     *F->getBody(), AST->getASTContext()))
      Declaration = N.getNodeAs<Stmt>("d");
    ASSERT_TRUE(Declaration) << Body;
    const Stmt *From = calls("from").front();
    EXPECT_EQ(Flow->firstUsesAfter(From, calls("use"), {}).size(), 1u) << Body;
    EXPECT_TRUE(Flow->firstUsesAfter(From, calls("use"), {Declaration}).empty())
        << Body;
  }
}

TEST_F(FlowTest, WithinIsWhereNotWhen) {
  build("if (b) { use(1); [] { use(2); }(); } use(3);");
  const Stmt *If = *F->getBody()->child_begin();
  const std::vector<const Stmt *> Uses = calls("use");
  ASSERT_EQ(Uses.size(), 3u);
  EXPECT_TRUE(isWithin(If, Uses[0]));
  EXPECT_TRUE(isWithin(If, Uses[1]));
  EXPECT_FALSE(isWithin(If, Uses[2]));
  EXPECT_TRUE(isWithin(Uses[2], Uses[2]));
  EXPECT_FALSE(isWithin(nullptr, Uses[2]));
}

TEST(LoopParts, NamesTheConditionRangeAndBodyOfEachLoop) {
  const auto AST = tooling::buildASTFromCode("int v[3];\n"
                                             "void f(bool b) {\n"
                                             "  for (;;) {}\n"
                                             "  while (b) {}\n"
                                             "  do {} while (b);\n"
                                             "  for (int x : v) {}\n"
                                             "  if (b) {}\n"
                                             "}\n");
  ASSERT_TRUE(AST);
  const auto *F = selectFirst<FunctionDecl>(
      "f", match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                 AST->getASTContext()));
  ASSERT_TRUE(F);
  std::vector<const Stmt *> S(F->getBody()->child_begin(),
                              F->getBody()->child_end());
  ASSERT_EQ(S.size(), 5u);
  EXPECT_FALSE(loopParts(S[0]).Condition);
  EXPECT_TRUE(loopParts(S[0]).Body);
  EXPECT_TRUE(loopParts(S[1]).Condition);
  EXPECT_TRUE(loopParts(S[2]).Condition);
  EXPECT_FALSE(loopParts(S[3]).Condition);
  EXPECT_TRUE(loopParts(S[3]).Range);
  EXPECT_TRUE(loopParts(S[3]).Body);
  EXPECT_FALSE(loopParts(S[4]).Body);
  EXPECT_FALSE(loopParts(nullptr).Body);
}

} // namespace
