//===--- SourceTextTest.cpp - unit tests for support/SourceText ----------===//

#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::commentAbove;
using clang::tidy::safedelete::commentsBetween;
using clang::tidy::safedelete::findWord;
using clang::tidy::safedelete::hasWord;
using clang::tidy::safedelete::indentationAt;
using clang::tidy::safedelete::inMacro;
using clang::tidy::safedelete::statementRemoval;
using clang::tidy::safedelete::textOf;

namespace {

TEST(FindWord, FindsWholeIdentifiersOnly) {
  EXPECT_EQ(findWord("it", "it"), 0u);
  EXPECT_EQ(findWord("*it++", "it"), 1u);
  EXPECT_EQ(findWord("iter + it", "it"), 7u);
  EXPECT_EQ(findWord("std::shared_lock<M> l", "shared_lock"), 5u);
  EXPECT_EQ(findWord("it_ + bit + it2 + _it", "it"), StringRef::npos);
  EXPECT_EQ(findWord("", "it"), StringRef::npos);
  EXPECT_TRUE(hasWord("auto value = m[k];", "value"));
  EXPECT_FALSE(hasWord("auto values = m[k];", "value"));
}

/// Parses \p Code and finds its call of `g` and the statement `f` starts
/// with.
class SourceTextTest : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCode(Code);
    ASSERT_TRUE(AST);
    Call = selectFirst<CallExpr>(
        "c", match(callExpr(callee(functionDecl(hasName("g")))).bind("c"),
                   AST->getASTContext()));
    ASSERT_TRUE(Call);
  }
  const SourceManager &sm() const { return AST->getSourceManager(); }

  std::unique_ptr<ASTUnit> AST;
  const CallExpr *Call = nullptr;
};

TEST_F(SourceTextTest, ReadsTheTextAsWritten) {
  build("int g(int, int);\nvoid f(int k) { g(k,  k + 1); }");
  EXPECT_EQ(textOf(Call->getSourceRange(), AST->getASTContext()),
            "g(k,  k + 1)");
  EXPECT_EQ(textOf(Call->getArg(1)->getSourceRange(), sm(),
                   AST->getASTContext().getLangOpts()),
            "k + 1");
  EXPECT_FALSE(inMacro(Call->getSourceRange()));
}

TEST_F(SourceTextTest, TellsCodeAMacroWrote) {
  build("int g(int);\n#define CALL(x) g(x)\nvoid f(int k) { CALL(k); }");
  EXPECT_TRUE(inMacro(Call->getSourceRange()));
  // An argument is spelled by the user, but it is placed by the macro.
  EXPECT_TRUE(inMacro(Call->getArg(0)->getSourceRange()));
}

TEST_F(SourceTextTest, RemovesAStatementAloneOnItsLineWithTheLine) {
  build("int g(int);\nvoid f(int k) {\n  g(k);\n  k = 1;\n}");
  const CharSourceRange R =
      statementRemoval(Call->getBeginLoc(), Call->getEndLoc(), sm(),
                       AST->getASTContext().getLangOpts());
  ASSERT_TRUE(R.isValid());
  EXPECT_EQ(Lexer::getSourceText(R, sm(), AST->getASTContext().getLangOpts()),
            "\n  g(k);");
  EXPECT_EQ(indentationAt(Call->getBeginLoc(), sm()), "  ");
}

TEST_F(SourceTextTest, RemovesAStatementSharingItsLineAlone) {
  build("int g(int);\nvoid f(int k) { k = 2; g(k); k = 1; }");
  const CharSourceRange R =
      statementRemoval(Call->getBeginLoc(), Call->getEndLoc(), sm(),
                       AST->getASTContext().getLangOpts());
  ASSERT_TRUE(R.isValid());
  EXPECT_EQ(Lexer::getSourceText(R, sm(), AST->getASTContext().getLangOpts()),
            "g(k);");
  EXPECT_EQ(indentationAt(Call->getBeginLoc(), sm()), "");
}

TEST_F(SourceTextTest, FindsNoRemovalWithoutASemicolon) {
  build("int g(int);\nint f(int k) { return g(k) ? 1 : 0; }");
  EXPECT_TRUE(statementRemoval(Call->getBeginLoc(), Call->getEndLoc(), sm(),
                               AST->getASTContext().getLangOpts())
                  .isInvalid());
}

TEST_F(SourceTextTest, ReadsTheCommentsBeforeACall) {
  build("int g(int);\nvoid f(int k) {\n  // caller holds mu\n  k = 1; /* "
        "b */\n  g(k); // after\n}");
  const FunctionDecl *F = selectFirst<FunctionDecl>(
      "f", match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                 AST->getASTContext()));
  ASSERT_TRUE(F);
  const std::vector<StringRef> Comments =
      commentsBetween(F->getBody()->getBeginLoc(), Call->getBeginLoc(), sm(),
                      AST->getASTContext().getLangOpts());
  ASSERT_EQ(Comments.size(), 2u);
  EXPECT_EQ(Comments[0], "// caller holds mu");
  EXPECT_EQ(Comments[1], "/* b */");
}

TEST_F(SourceTextTest, ReadsTheCommentAboveADeclaration) {
  build("int x;\n\n// REQUIRES: mu held\n// (the caller's)\nint g(int);\n"
        "/* a\n * block */\nint h();\nint i();\nint j() { return g(1); }\n");
  const auto Named = [&](StringRef Name) {
    return selectFirst<FunctionDecl>(
        "f",
        match(functionDecl(hasName(Name)).bind("f"), AST->getASTContext()));
  };
  EXPECT_EQ(commentAbove(Named("g")->getBeginLoc(), sm()),
            "// REQUIRES: mu held\n// (the caller's)\n");
  EXPECT_EQ(commentAbove(Named("h")->getBeginLoc(), sm()),
            "/* a\n * block */\n");
  EXPECT_EQ(commentAbove(Named("i")->getBeginLoc(), sm()), "");
}

} // namespace
