//===--- UnlockedEraseModelTest.cpp - the unlocked-erase model ------------===//
//
// The pieces of the lock model that read one declaration or expression:
// which class a guard's type names, which thread member an expression is,
// and which functions have calls that tell what they may assume on entry;
// and the whole model: the facts collected as the check walks the code,
// and the erases decided on them.
//
//===----------------------------------------------------------------------===//

#include "UnlockedEraseModel.h"
#include "support/CodeWalk.h"
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
namespace unlocked = clang::tidy::safedelete::unlocked;

namespace {

constexpr char Library[] = R"(
namespace std {
struct mutex { void lock(); void unlock(); };
template <class M> struct lock_guard { explicit lock_guard(M &); };
template <class... M> struct scoped_lock { explicit scoped_lock(M &...); };
struct thread { void join(); };
template <class T> struct vector { T *begin(); T *end(); };
template <class T> struct unique_ptr { T *operator->() const; T &operator*() const; };
template <class K, class V> struct map {
  unsigned long erase(const K &);
  void clear();
  unsigned long count(const K &) const;
  V &operator[](const K &);
};
}
)";

class UnlockedEraseModelTest : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    ASSERT_TRUE(AST);
  }

  template <typename T, typename MatcherT> const T *first(MatcherT Matcher) {
    const auto *Found =
        selectFirst<T>("x", match(Matcher.bind("x"), AST->getASTContext()));
    EXPECT_TRUE(Found);
    return Found;
  }

  /// The name of the class the guard variable \p Var's type names.
  std::string guardClassOf(const std::string &Var) {
    const auto *Guard = first<VarDecl>(varDecl(hasName(Var)));
    const NamedDecl *Class =
        Guard ? unlocked::guardClass(Guard->getType()) : nullptr;
    return Class ? Class->getQualifiedNameAsString() : "";
  }

  /// The thread member the object of the `join()` call in \p Function is.
  std::string joinedIn(const std::string &Function) {
    const auto *Join = first<CXXMemberCallExpr>(
        cxxMemberCallExpr(callee(cxxMethodDecl(hasName("join"))),
                          hasAncestor(functionDecl(hasName(Function)))));
    const FieldDecl *Thread =
        Join ? unlocked::threadMember(Join->getImplicitObjectArgument())
             : nullptr;
    return Thread ? Thread->getNameAsString() : "";
  }

  bool knownCalls(const std::string &Function) {
    const auto *Fn = first<FunctionDecl>(functionDecl(hasName(Function)));
    return Fn && unlocked::hasKnownCalls(*Fn);
  }

  /// Walks \p Code as the check does, with std::lock_guard the guard and
  /// erase and clear the removals, and decides every erase: the functions
  /// of the findings, with the guarding mutex (`reset:mu_`).
  std::vector<std::string> findings(const std::string &Code) {
    build(Code);
    unlocked::Facts Facts;
    Facts.Ctx = &AST->getASTContext();
    struct Walker : MatchFinder::MatchCallback {
      tidy::safedelete::CodeWalk Walk;
      unlocked::FactCollector Collector;
      void run(const MatchFinder::MatchResult &Result) override {
        Walk.walkRoot(Result.Nodes, Collector);
      }
    } Walker;
    Walker.Collector.Words.EraseMethodNames = {"erase", "clear"};
    Walker.Collector.Words.AllGuardTypes = {"::std::lock_guard"};
    Walker.Collector.F = &Facts;
    MatchFinder Finder;
    tidy::safedelete::CodeWalk::registerRoots(Finder, &Walker);
    Finder.matchAST(AST->getASTContext());
    unlocked::LockModel Model(Facts, /*Infer=*/true, nullptr);
    Model.build();
    unlocked::UnlockedEraseFinder Decider(Model, ThreadSafe);
    std::vector<std::string> Found;
    for (const unlocked::EraseRec &Erase : Facts.Erases)
      if (const auto F = Decider.decide(Erase))
        Found.push_back(F->Fn->Fn->getNameAsString() + ":" +
                        F->Why.Mutex->getNameAsString());
    return Found;
  }

  std::unique_ptr<ASTUnit> AST;
  /// The finder keeps a reference to its thread-safe container types.
  const std::vector<std::string> ThreadSafe;
};

using Names = std::vector<std::string>;

TEST_F(UnlockedEraseModelTest, AModificationUnderTheMutexIsEvidence) {
  EXPECT_EQ(findings(R"(
    class Cache {
      std::mutex mu_;
      std::map<int, int> m_;
    public:
      void put(int k) { std::lock_guard<std::mutex> l(mu_); m_[k] = 1; }
      void drop(int k) { std::lock_guard<std::mutex> l(mu_); m_.erase(k); }
      void reset() { m_.clear(); }
    };)"),
            Names{"reset:mu_"});
}

TEST_F(UnlockedEraseModelTest, EveryEraseUnderTheMutexIsNoFinding) {
  EXPECT_EQ(findings(R"(
    class Cache {
      std::mutex mu_;
      std::map<int, int> m_;
    public:
      void put(int k) { std::lock_guard<std::mutex> l(mu_); m_[k] = 1; }
      void reset() { std::lock_guard<std::mutex> l(mu_); m_.clear(); }
    };)"),
            Names{});
}

TEST_F(UnlockedEraseModelTest, AReadUnderAnotherMembersLockIsNoEvidence) {
  EXPECT_EQ(findings(R"(
    class Model {
      std::mutex cacheMu_;
      std::map<int, int> cache_;
      std::map<int, int> headers_;
    public:
      int data(int k) {
        std::lock_guard<std::mutex> l(cacheMu_);
        cache_[k] = 1;
        return headers_.count(k);
      }
      void resetHeaders() { headers_.clear(); }
    };)"),
            Names{});
}

TEST_F(UnlockedEraseModelTest, GuardedByIsEvidenceOnItsOwn) {
  EXPECT_EQ(findings(R"(
    struct __attribute__((capability("mutex"))) Mutex {
      void Lock() __attribute__((acquire_capability()));
      void Unlock() __attribute__((release_capability()));
    };
    class Table {
      Mutex mu_;
      std::map<int, int> files_ __attribute__((guarded_by(mu_)));
    public:
      void removeAll() { files_.clear(); }
    };)"),
            Names{"removeAll:mu_"});
}

TEST_F(UnlockedEraseModelTest, AGuardNamesItsClassOrTemplate) {
  build(R"(
    std::mutex mu;
    template <class M> void locked(M &m) { std::lock_guard<M> dependent(m); }
    void f() {
      std::lock_guard<std::mutex> plain(mu);
      std::scoped_lock deduced(mu);
    }
  )");
  EXPECT_EQ(guardClassOf("plain"), "std::lock_guard");
  EXPECT_EQ(guardClassOf("deduced"), "std::scoped_lock");
  EXPECT_EQ(guardClassOf("dependent"), "std::lock_guard");
  EXPECT_EQ(guardClassOf("mu"), "std::mutex");
}

TEST_F(UnlockedEraseModelTest, AThreadMemberIsFoundThroughPointersAndLoops) {
  build(R"(
    struct Server {
      std::thread t_;
      std::unique_ptr<std::thread> p_;
      std::vector<std::thread> workers_;
      void direct() { t_.join(); }
      void owned() { p_->join(); }
      void each() { for (auto &w : workers_) w.join(); }
      void local() { std::thread t; t.join(); }
      void other(Server &s) { s.t_.join(); }
    };
  )");
  EXPECT_EQ(joinedIn("direct"), "t_");
  EXPECT_EQ(joinedIn("owned"), "p_");
  EXPECT_EQ(joinedIn("each"), "workers_");
  EXPECT_EQ(joinedIn("local"), "");
  EXPECT_EQ(joinedIn("other"), "");
}

TEST_F(UnlockedEraseModelTest, OnlyNonVirtualMethodsAndHelpersHaveKnownCalls) {
  build(R"(
    static void helper() {}
    void exported() {}
    struct Base {
      void plain();
      virtual void overridable();
    private:
      void privateHelper();
    };
  )");
  EXPECT_TRUE(knownCalls("helper"));
  EXPECT_FALSE(knownCalls("exported"));
  EXPECT_TRUE(knownCalls("plain"));
  EXPECT_FALSE(knownCalls("overridable"));
  EXPECT_TRUE(knownCalls("privateHelper"));
}

TEST_F(UnlockedEraseModelTest, AnImplicitOrExplicitThisIsTheObject) {
  build(R"(
    struct S {
      int n;
      int viaThis() { return this->n; }
      int viaOther(S &o) { return o.n; }
    };
  )");
  const auto *ViaThis = first<MemberExpr>(
      memberExpr(hasAncestor(functionDecl(hasName("viaThis")))));
  const auto *ViaOther = first<MemberExpr>(
      memberExpr(hasAncestor(functionDecl(hasName("viaOther")))));
  ASSERT_TRUE(ViaThis && ViaOther);
  EXPECT_TRUE(unlocked::isThisBase(ViaThis->getBase()));
  EXPECT_TRUE(unlocked::isThisBase(nullptr));
  EXPECT_FALSE(unlocked::isThisBase(ViaOther->getBase()));
}

} // namespace
