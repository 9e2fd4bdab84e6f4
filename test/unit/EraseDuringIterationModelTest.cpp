//===--- EraseDuringIterationModelTest.cpp - erase-during-iteration model -===//
//
// The model's questions about one loop, asked without the check: which
// iterator a loop condition walks and over which container, how the
// container's family treats iterators, which calls modify it, and which
// statements write the iterator.
//
//===----------------------------------------------------------------------===//

#include "EraseDuringIterationModel.h"
#include "support/ExprIdentity.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace edi = clang::tidy::safedelete::erase_during_iteration;
using clang::tidy::safedelete::ContainerTable;

namespace {

constexpr char Library[] = R"(
namespace std {
template <class T> struct vector {
  struct iterator {
    T &operator*() const; iterator &operator++();
    bool operator!=(const iterator &) const;
  };
  iterator begin(); iterator end();
  iterator erase(iterator); void push_back(const T &);
};
template <class K, class V> struct map {
  struct iterator {
    iterator &operator++(); iterator operator++(int);
    bool operator!=(const iterator &) const;
  };
  iterator begin(); iterator end();
  iterator erase(iterator); unsigned long erase(const K &);
};
}
)";

class EraseDuringIterationModelTest : public ::testing::Test {
protected:
  /// Builds \p Code and finds the first `for` of `f`.
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    ASSERT_TRUE(AST);
    Loop = selectFirst<ForStmt>(
        "for",
        match(forStmt(hasAncestor(functionDecl(hasName("f")))).bind("for"),
              AST->getASTContext()));
    ASSERT_TRUE(Loop);
  }

  /// The calls to \p Method in the loop's body.
  std::vector<const CallExpr *> callsTo(const std::string &Method) {
    std::vector<const CallExpr *> Found;
    for (const BoundNodes &Nodes :
         match(findAll(cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method))))
                           .bind("c")),
               *Loop->getBody(), AST->getASTContext()))
      Found.push_back(Nodes.getNodeAs<CallExpr>("c"));
    return Found;
  }

  /// The iterator the loop's condition walks; its container in Container
  /// and as written in Object.
  const ValueDecl *loopIterator() {
    return edi::iteratorOf(Loop->getCond(), Loop->getBody(), Container, Object);
  }

  std::unique_ptr<ASTUnit> AST;
  const ForStmt *Loop = nullptr;
  edi::ContainerRef Container;
  const Expr *Object = nullptr;
  ContainerTable Table;
  const std::vector<std::string> EraseMethods = {"erase"};
};

TEST_F(EraseDuringIterationModelTest, TheConditionNamesTheIteratorAndItsOwner) {
  build(R"(
    void f(std::map<int, int> &m) {
      for (auto it = m.begin(); it != m.end(); ++it)
        m.erase(it);
    })");
  const ValueDecl *It = loopIterator();
  ASSERT_TRUE(It);
  EXPECT_EQ(It->getName(), "it");
  ASSERT_TRUE(Object);
  const auto Erases = callsTo("erase");
  ASSERT_EQ(Erases.size(), 1u);
  const auto Touch = edi::touchOf(Erases[0], EraseMethods);
  ASSERT_TRUE(Touch);
  EXPECT_EQ(Touch->Name, "erase");
  EXPECT_FALSE(Touch->Inserts);
  EXPECT_TRUE(edi::sameContainer(Touch->Object, Container));
}

TEST_F(EraseDuringIterationModelTest, AReferenceLeadsBackToItsContainer) {
  build(R"(
    void f(std::map<int, int> &m, std::map<int, int> &other) {
      auto &alias = m;
      for (auto it = m.begin(); it != m.end(); ++it) {
        alias.erase(it);
        other.erase(1);
      }
    })");
  ASSERT_TRUE(loopIterator());
  const auto Erases = callsTo("erase");
  ASSERT_EQ(Erases.size(), 2u);
  const auto ThroughAlias = edi::touchOf(Erases[0], EraseMethods);
  const auto OnOther = edi::touchOf(Erases[1], EraseMethods);
  ASSERT_TRUE(ThroughAlias && OnOther);
  EXPECT_TRUE(edi::sameContainer(ThroughAlias->Object, Container));
  EXPECT_FALSE(edi::sameContainer(OnOther->Object, Container));
}

TEST_F(EraseDuringIterationModelTest, AFamilySaysWhatItsIteratorsSurvive) {
  build(R"(
    void f(std::vector<int> &v, std::map<int, int> &m) {
      for (auto it = v.begin(); it != v.end(); ++it) {}
    })");
  const auto *F = selectFirst<FunctionDecl>(
      "f", match(functionDecl(hasName("f")).bind("f"), AST->getASTContext()));
  ASSERT_TRUE(F);
  const edi::Family Vector =
      edi::familyOf(F->getParamDecl(0)->getType(), Table);
  const edi::Family Map = edi::familyOf(F->getParamDecl(1)->getType(), Table);
  EXPECT_TRUE(Vector.Known && Map.Known);
  EXPECT_TRUE(Vector.Shifting);
  EXPECT_TRUE(Vector.InsertInvalidates);
  EXPECT_FALSE(Vector.Pairs);
  EXPECT_FALSE(Map.Shifting);
  EXPECT_FALSE(Map.InsertInvalidates);
  EXPECT_TRUE(Map.Pairs);
}

TEST_F(EraseDuringIterationModelTest, AnInsertionIsATouchThatInserts) {
  build(R"(
    void f(std::vector<int> &v) {
      for (auto it = v.begin(); it != v.end(); ++it)
        v.push_back(*it);
    })");
  const auto Pushes = callsTo("push_back");
  ASSERT_EQ(Pushes.size(), 1u);
  const auto Touch = edi::touchOf(Pushes[0], EraseMethods);
  ASSERT_TRUE(Touch);
  EXPECT_TRUE(Touch->Inserts);
}

TEST_F(EraseDuringIterationModelTest, TheErasesResultWrittenToTheIterator) {
  build(R"(
    void f(std::map<int, int> &m, bool b) {
      for (auto it = m.begin(); it != m.end();) {
        if (b)
          it = m.erase(it);
        else
          it++;
      }
    })");
  const ValueDecl *It = loopIterator();
  ASSERT_TRUE(It);
  const edi::IteratorWrites W = edi::writesOf(Loop, It);
  const auto Erases = callsTo("erase");
  ASSERT_EQ(Erases.size(), 1u);
  EXPECT_EQ(W.TakenBy.count(Erases[0]), 1u);
  EXPECT_FALSE(W.Writes.empty());
}

} // namespace
