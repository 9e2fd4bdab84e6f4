//===--- UseAfterEraseModelTest.cpp - the use-after-erase model -----------===//
//
// The model on its own, without the check: one function body of a small
// AST is handed over as the check's matcher would, and the uses after an
// invalidation it finds are compared by handle, method and line.
//
//===----------------------------------------------------------------------===//

#include "UseAfterEraseModel.h"
#include "support/Flow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace uae = clang::tidy::safedelete::use_after_erase;

namespace {

// On one line: it keeps the lines of the code under test apart.
constexpr char Library[] =
    "namespace std {"
    "template <class T> struct vector { using iterator = T *;"
    "  T *begin(); T *end(); T &operator[](unsigned long);"
    "  void push_back(const T &); T *erase(T *); };"
    "template <class K, class V> struct pair { K first; V second; };"
    "template <class K, class V> struct map {"
    "  struct iterator { pair<const K, V> *operator->() const;"
    "    pair<const K, V> &operator*() const;"
    "    bool operator!=(const iterator &) const;"
    "    bool operator==(const iterator &) const; };"
    "  iterator begin(); iterator end(); iterator find(const K &);"
    "  V &operator[](const K &); iterator erase(iterator);"
    "  unsigned long erase(const K &); };"
    "}\n";

class UseAfterEraseModelTest : public ::testing::Test {
protected:
  /// The findings in the body of the function `f` of \p Code.
  std::vector<uae::Finding> findings(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    EXPECT_TRUE(AST);
    if (!AST)
      return {};
    ASTContext &Context = AST->getASTContext();
    const auto *F = selectFirst<FunctionDecl>(
        "f",
        match(functionDecl(hasName("f"), isDefinition()).bind("f"), Context));
    EXPECT_TRUE(F);
    if (!F)
      return {};
    FirstLine =
        Context.getSourceManager().getPresumedLineNumber(F->getBeginLoc());
    return uae::findUsesAfterErase(F->getBody(), Containers, Flows, Context);
  }

  /// The findings of \p Code, each as "handle method line", the line
  /// counted from that of `f`, 1.
  std::vector<std::string> find(const std::string &Code) {
    std::vector<std::string> Found;
    for (const uae::Finding &Finding : findings(Code)) {
      const unsigned Line = AST->getSourceManager().getPresumedLineNumber(
          Finding.Use->getLocation());
      Found.push_back(uae::handleName(Finding.H.Var) + " " +
                      Finding.S.Method.str() + " " +
                      std::to_string(Line - FirstLine + 1));
    }
    return Found;
  }

  using Strings = std::vector<std::string>;
  clang::tidy::safedelete::ContainerTable Containers;
  clang::tidy::safedelete::FlowCache Flows;
  std::unique_ptr<ASTUnit> AST;
  unsigned FirstLine = 0;
};

TEST_F(UseAfterEraseModelTest, AnErasedIteratorReadAfterward) {
  EXPECT_EQ(find(R"(
    int f(std::map<int, int> &m, int k) {
      auto it = m.find(k);
      m.erase(it);
      return it->second;
    })"),
            Strings{"it erase 4"});
}

TEST_F(UseAfterEraseModelTest, TheIteratorEraseReturnsIsFresh) {
  EXPECT_EQ(find(R"(
    int f(std::map<int, int> &m, int k) {
      auto it = m.find(k);
      it = m.erase(it);
      return it->second;
    })"),
            Strings{});
}

TEST_F(UseAfterEraseModelTest, GrowingAVectorMovesItsElements) {
  EXPECT_EQ(find(R"(
    int f(std::vector<int> &v) {
      int &first = v[0];
      v.push_back(1);
      return first;
    })"),
            Strings{"first push_back 4"});
}

TEST_F(UseAfterEraseModelTest, ErasingAnotherKeyLeavesAReferenceValid) {
  EXPECT_EQ(find(R"(
    int f(std::map<int, int> &m, int k, int other) {
      int &value = m[k];
      m.erase(other);
      int kept = value;
      m.erase(k);
      return kept + value;
    })"),
            Strings{"value erase 6"});
}

TEST_F(UseAfterEraseModelTest, OnlyTheFirstUseOnAPathIsReported) {
  EXPECT_EQ(find(R"(
    int f(std::map<int, int> &m, int k) {
      auto it = m.find(k);
      m.erase(it);
      int a = it->second;
      return a + it->first;
    })"),
            Strings{"it erase 4"});
}

TEST_F(UseAfterEraseModelTest, ALoopLeadsBackToAnEarlierUse) {
  EXPECT_EQ(find(R"(
    void f(std::map<int, int> &m, int k, int n) {
      auto it = m.find(k);
      for (int i = 0; i < n; ++i) {
        int seen = it->second;
        if (seen)
          m.erase(it);
      }
    })"),
            Strings{"it erase 4"});
}

TEST_F(UseAfterEraseModelTest, AnIteratorKnownToBeTheEndHoldsNoElement) {
  EXPECT_EQ(find(R"(
    int f(std::map<int, int> &m, int k) {
      auto it = m.find(k);
      if (it == m.end()) {
        m[k] = 1;
        return it == m.end();
      }
      return it->second;
    })"),
            Strings{});
}

TEST_F(UseAfterEraseModelTest, TheNextStatementHoldingEveryUseIsSaid) {
  const auto Found = findings(R"(
    int f(std::map<int, int> &m, int k) {
      auto it = m.find(k);
      m.erase(it);
      return it->second;
    })");
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_TRUE(Found[0].OnlyInNext);
  EXPECT_EQ(Found[0].H.Kind, uae::HandleKind::Iterator);
  EXPECT_TRUE(Found[0].S.Info.IsMap);
}

} // namespace
