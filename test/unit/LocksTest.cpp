//===--- LocksTest.cpp - unit tests for support/Locks --------------------===//

#include "support/Locks.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::locks::locksEveryArgument;

namespace {

TEST(Locks, OnlyScopedLockLocksEveryArgument) {
  const std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      R"(
    namespace std { inline namespace __1 {
    template <class... M> struct scoped_lock {};
    template <class M> struct lock_guard {};
    } }
    namespace app { template <class... M> struct scoped_lock {}; }
  )",
      {"-std=c++17"});
  ASSERT_TRUE(AST);
  const auto Template = [&](const std::string &Name) {
    return selectFirst<NamedDecl>(
        "t", match(classTemplateDecl(hasName(Name)).bind("t"),
                   AST->getASTContext()));
  };
  EXPECT_TRUE(locksEveryArgument(Template("::std::scoped_lock")));
  EXPECT_FALSE(locksEveryArgument(Template("::std::lock_guard")));
  EXPECT_FALSE(locksEveryArgument(Template("::app::scoped_lock")));
  EXPECT_FALSE(locksEveryArgument(nullptr));
}

} // namespace
