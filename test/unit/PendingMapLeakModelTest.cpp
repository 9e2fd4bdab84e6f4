//===--- PendingMapLeakModelTest.cpp - the pending-map-leak model ---------===//
//
// The model on its own, without the check: calls found by plain matchers
// are collected as the check's matchers would hand them over, and the end
// of the translation unit is decided.
//
//===----------------------------------------------------------------------===//

#include "PendingMapLeakModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace pml = clang::tidy::safedelete::pending_map_leak;

namespace {

constexpr char Library[] = R"(
namespace std {
template <class T> struct promise { void set_value(T); };
template <class K, class V> struct map {
  V &at(const K &);
  V &operator[](const K &);
  unsigned long erase(const K &);
  template <class... A> void emplace(A &&...);
};
}
)";

class PendingMapLeakModelTest : public ::testing::Test {
protected:
  /// Collects the insertions and completions of \p Code and decides them.
  pml::Findings decide(const std::string &Code) {
    Facts = pml::Facts();
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    EXPECT_TRUE(AST);
    if (!AST)
      return {};
    ASTContext &Context = AST->getASTContext();
    Facts.Context = &Context;
    const pml::Vocabulary Words{Pending, Callbacks,  Callbacks, Callbacks,
                                Maps,    Completing, Completing};
    for (const BoundNodes &Nodes :
         match(findAll(
                   cxxMemberCallExpr(callee(cxxMethodDecl(hasName("emplace"))))
                       .bind("c")),
               Context))
      pml::collectInsertion(Facts, Nodes.getNodeAs<Expr>("c"), Words);
    for (const BoundNodes &Nodes :
         match(findAll(cxxMemberCallExpr(
                           callee(cxxMethodDecl(hasName("set_value"))))
                           .bind("c")),
               Context))
      pml::collectCompletion(Facts, Nodes.getNodeAs<Expr>("c"), Words);
    return pml::findLeaks(Facts);
  }

  static std::string functionOf(const pml::Leak &L) {
    return L.C->Function->getNameAsString();
  }

  std::vector<std::string> Pending = {"::std::promise"};
  std::vector<std::string> Callbacks;
  std::vector<std::string> Maps = {"::std::map"};
  std::vector<std::string> Completing = {"set_value"};
  std::unique_ptr<ASTUnit> AST;
  pml::Facts Facts;
};

TEST_F(PendingMapLeakModelTest, ACompletionWithoutEraseLeaks) {
  const pml::Findings Found = decide(R"(
    struct Client {
      std::map<int, std::promise<int>> pending_;
      void send(int id) { pending_.emplace(id, std::promise<int>()); }
      void leaks(int id, int v) { pending_.at(id).set_value(v); }
      void removes(int id, int v) {
        pending_.at(id).set_value(v);
        pending_.erase(id);
      }
    };)");
  ASSERT_EQ(Found.Leaks.size(), 1u);
  EXPECT_EQ(functionOf(Found.Leaks[0]), "leaks");
  EXPECT_EQ(Found.Leaks[0].C->Path.Kind, pml::Lookup::At);
  EXPECT_FALSE(Found.Leaks[0].Removed);
  EXPECT_TRUE(Found.Leaks[0].Final);
  // The map is erased from somewhere: not a map that is never removed from.
  EXPECT_TRUE(Found.Maps.empty());
}

TEST_F(PendingMapLeakModelTest, APrivateMapNeverRemovedFrom) {
  // Private: every function that may remove from it is in view.
  const pml::Findings Found = decide(R"(
    class Client {
      std::map<int, std::promise<int>> pending_;
    public:
      void send(int id) { pending_.emplace(id, std::promise<int>()); }
      void reply(int id, int v) { pending_[id].set_value(v); }
    };)");
  ASSERT_EQ(Found.Leaks.size(), 1u);
  EXPECT_TRUE(Found.Leaks[0].Subscript);
  ASSERT_EQ(Found.Maps.size(), 1u);
  EXPECT_EQ(Found.Maps[0].Map->getName(), "pending_");
  EXPECT_TRUE(Found.Maps[0].Completion);
}

TEST_F(PendingMapLeakModelTest, APublicMapMayBeRemovedFromElsewhere) {
  const pml::Findings Found = decide(R"(
    struct Client {
      std::map<int, std::promise<int>> pending_;
      void send(int id) { pending_.emplace(id, std::promise<int>()); }
    };)");
  EXPECT_TRUE(Found.Maps.empty());
}

TEST_F(PendingMapLeakModelTest, AWaiterThatErasesItsEntryOwnsIt) {
  // The inserting function erases on every path after it: no leak. When
  // one path of it returns first, the completion leaks again.
  const char *Waiter = R"(
    bool wait(int);
    struct Client {
      std::map<int, std::promise<int>> pending_;
      int call(int id) {
        pending_.emplace(id, std::promise<int>());
        %s
        pending_.erase(id);
        return 0;
      }
      void reply(int id, int v) { pending_.at(id).set_value(v); }
    };)";
  const auto With = [&](const char *Between) {
    std::string Code(Waiter);
    Code.replace(Code.find("%s"), 2, Between);
    return Code;
  };
  EXPECT_TRUE(decide(With("wait(id);")).Leaks.empty());
  const pml::Findings Early = decide(With("if (!wait(id)) return -1;"));
  ASSERT_EQ(Early.Leaks.size(), 1u);
  EXPECT_EQ(functionOf(Early.Leaks[0]), "reply");
}

TEST_F(PendingMapLeakModelTest, OtherTypesAreNotCollected) {
  // A map of ints, and a promise outside any listed map.
  const pml::Findings Found = decide(R"(
    struct Client {
      std::map<int, int> counts_;
      std::promise<int> one_;
      void send(int id) { counts_.emplace(id, 0); }
      void reply(int v) { one_.set_value(v); }
    };)");
  EXPECT_TRUE(Found.Leaks.empty());
  EXPECT_TRUE(Found.Maps.empty());
  EXPECT_TRUE(Facts.Insertions.empty());
  EXPECT_TRUE(Facts.Completions.empty());
}

} // namespace
