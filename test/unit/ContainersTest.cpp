//===--- ContainersTest.cpp - unit tests for support/Containers ----------===//

#include "support/Containers.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::safedelete::changesElements;
using clang::tidy::safedelete::ContainerInfo;
using clang::tidy::safedelete::ContainerKind;
using clang::tidy::safedelete::ContainerTable;
using clang::tidy::safedelete::ElementPosition;
using clang::tidy::safedelete::erasureReaches;
using clang::tidy::safedelete::hasMappedType;
using clang::tidy::safedelete::Invalidation;
using clang::tidy::safedelete::invalidationOf;
using clang::tidy::safedelete::isListedDecl;
using clang::tidy::safedelete::isStringLike;
using clang::tidy::safedelete::keyedFamilyList;
using clang::tidy::safedelete::kindFromName;
using clang::tidy::safedelete::mapFamilyList;
using clang::tidy::safedelete::qualifiedNameOf;
using clang::tidy::safedelete::recordOrTemplateOf;

namespace {

// Just enough of the libraries: names, inline namespaces, aliases, bases.
constexpr char Library[] = R"(
namespace std {
inline namespace __1 {
template <class K, class V> struct map { typedef V mapped_type; };
template <class K> struct set {};
template <class K, class V> struct unordered_map { typedef V mapped_type; };
template <class T> struct vector {};
}
template <class C> struct basic_string {};
typedef basic_string<char> string;
}
namespace absl {
template <class K, class V> struct flat_hash_map { using mapped_type = V; };
template <class K, class V> struct btree_map { using mapped_type = V; };
}
namespace llvm {
template <class K, class V> struct DenseMapBase { using mapped_type = V; };
template <class K, class V> struct DenseMap : DenseMapBase<K, V> {};
}
template <class K, class V> struct QMap { using mapped_type = V; };
template <class K> struct QSet {};
namespace app {
template <class K, class V> struct Registry { using mapped_type = V; };
struct Cache : std::map<int, int> {};
struct Bag { int size() const; };
template <class T> struct Box { T *get(); };
template <class T> struct Sized : Bag {};
}
namespace store { template <class K> struct MultiIndex { int size() const; }; }
)";

class ContainersTest : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) + Code,
                                            {"-std=c++17"});
    ASSERT_TRUE(AST);
  }
  /// The type of the variable \p Name.
  QualType typeOf(const std::string &Name) {
    const auto *Var = selectFirst<ValueDecl>(
        "v", match(valueDecl(hasName(Name)).bind("v"), AST->getASTContext()));
    EXPECT_TRUE(Var);
    return Var ? Var->getType() : QualType();
  }
  std::string familyOf(const std::string &Name) {
    const auto Info = Table.classify(typeOf(Name));
    return Info ? Info->Family : "";
  }

  std::unique_ptr<ASTUnit> AST;
  ContainerTable Table;
};

TEST_F(ContainersTest, ClassifiesThroughSugar) {
  build(R"(
    using Map = std::map<int, int>;
    typedef Map Alias;
    std::map<int, int> m; Alias a; Map &r = m; const Map *p = &m;
    auto copy = m; std::string s; app::Cache derived;
    std::vector<int> v; int i;)");
  EXPECT_EQ(familyOf("m"), "std::map");
  EXPECT_EQ(familyOf("a"), "std::map");
  EXPECT_EQ(familyOf("r"), "std::map");
  EXPECT_EQ(familyOf("p"), "std::map");
  EXPECT_EQ(familyOf("copy"), "std::map");
  EXPECT_EQ(familyOf("s"), "std::basic_string");
  EXPECT_EQ(familyOf("derived"), "std::map");
  EXPECT_EQ(familyOf("v"), "std::vector");
  EXPECT_EQ(familyOf("i"), "");
}

TEST_F(ContainersTest, KindsAndMaps) {
  build(R"(
    std::map<int, int> m; std::set<int> s; std::unordered_map<int, int> u;
    absl::flat_hash_map<int, int> f; llvm::DenseMap<int, int> d;
    std::vector<int> v;)");
  EXPECT_EQ(*Table.kindOf(typeOf("m")), ContainerKind::Node);
  EXPECT_EQ(*Table.kindOf(typeOf("s")), ContainerKind::Node);
  EXPECT_EQ(*Table.kindOf(typeOf("u")), ContainerKind::Hashed);
  EXPECT_EQ(*Table.kindOf(typeOf("f")), ContainerKind::Hashed);
  EXPECT_EQ(*Table.kindOf(typeOf("d")), ContainerKind::Hashed);
  EXPECT_EQ(*Table.kindOf(typeOf("v")), ContainerKind::Contiguous);
  EXPECT_TRUE(Table.isMap(typeOf("m")));
  EXPECT_FALSE(Table.isMap(typeOf("s")));
  EXPECT_TRUE(Table.isMap(typeOf("d")));
  EXPECT_FALSE(Table.isMap(typeOf("v")));
  EXPECT_TRUE(Table.isContainer(typeOf("u")));
}

TEST_F(ContainersTest, DependentTypesByTheirTemplate) {
  build("template <class K> struct User { std::map<K, int> m; "
        "std::vector<K> v; K k; };");
  EXPECT_EQ(familyOf("m"), "std::map");
  EXPECT_EQ(familyOf("v"), "std::vector");
  EXPECT_EQ(familyOf("k"), "");
}

TEST_F(ContainersTest, UserAddedFamilies) {
  build("app::Registry<int, int> reg;");
  EXPECT_FALSE(Table.isContainer(typeOf("reg")));
  Table.add(ContainerKind::Hashed, {"::app::Registry"});
  const auto Info = Table.classify(typeOf("reg"));
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Kind, ContainerKind::Hashed);
  EXPECT_TRUE(Info->IsMap);
  EXPECT_EQ(Info->OnInsert, Invalidation::Iterators);
}

TEST_F(ContainersTest, InvalidationRules) {
  build(R"(
    std::map<int, int> m; std::unordered_map<int, int> u;
    absl::flat_hash_map<int, int> f; absl::btree_map<int, int> b;
    std::vector<int> v; std::string s;)");
  const auto Rule = [&](const std::string &Var, llvm::StringRef Method) {
    return invalidationOf(*Table.classify(typeOf(Var)), Method);
  };
  EXPECT_EQ(Rule("m", "erase"), Invalidation::Erased);
  EXPECT_EQ(Rule("m", "insert"), Invalidation::None);
  EXPECT_EQ(Rule("m", "operator[]"), Invalidation::None);
  EXPECT_EQ(Rule("m", "clear"), Invalidation::All);
  EXPECT_EQ(Rule("m", "swap"), Invalidation::None);
  EXPECT_EQ(Rule("u", "erase"), Invalidation::Erased);
  EXPECT_EQ(Rule("u", "operator[]"), Invalidation::Iterators);
  EXPECT_EQ(Rule("f", "extract"), Invalidation::Erased);
  EXPECT_EQ(Rule("f", "emplace"), Invalidation::All);
  EXPECT_EQ(Rule("b", "erase"), Invalidation::All);
  EXPECT_EQ(Rule("v", "erase"), Invalidation::ErasedAndAfter);
  EXPECT_EQ(Rule("v", "push_back"), Invalidation::All);
  EXPECT_EQ(Rule("v", "operator[]"), Invalidation::None);
  EXPECT_EQ(Rule("v", "size"), Invalidation::None);
  EXPECT_EQ(Rule("s", "swap"), Invalidation::All);
  EXPECT_EQ(Rule("s", "operator="), Invalidation::All);
  EXPECT_EQ(Rule("v", "pop_back"), Invalidation::Erased);
  EXPECT_EQ(Rule("v", "resize"), Invalidation::All);
  EXPECT_EQ(Rule("s", "operator+="), Invalidation::All);
  EXPECT_EQ(Rule("s", "append"), Invalidation::All);
  EXPECT_EQ(Rule("m", "operator+="), Invalidation::None);
}

TEST(ContainersNames, InsertionsAreNotRemovals) {
  for (const char *Name : {"push_back", "emplace_back", "insert", "emplace",
                           "resize", "reserve", "append", "operator+="}) {
    EXPECT_TRUE(clang::tidy::safedelete::isInsertion(Name)) << Name;
    EXPECT_FALSE(clang::tidy::safedelete::isRemoval(Name)) << Name;
  }
  for (const char *Name : {"erase", "clear", "find", "size", "operator[]"})
    EXPECT_FALSE(clang::tidy::safedelete::isInsertion(Name)) << Name;
}

TEST(ContainersPositions, ErasedAndAfter) {
  using P = ElementPosition;
  const Invalidation After = Invalidation::ErasedAndAfter;
  // At or after the erased position: dangling; before it: valid.
  EXPECT_TRUE(erasureReaches(After, P::front(1), true, P::front(1)));
  EXPECT_TRUE(erasureReaches(After, P::front(1), true, P::front(3)));
  EXPECT_FALSE(erasureReaches(After, P::front(1), true, P::front(0)));
  // The last element is after any one erased element, known or not.
  EXPECT_TRUE(erasureReaches(After, P::front(5), true, P::back()));
  EXPECT_TRUE(erasureReaches(After, P(), true, P::back()));
  // A range may be empty; an unknown position proves nothing.
  EXPECT_FALSE(erasureReaches(After, P::front(2), false, P::back()));
  EXPECT_TRUE(erasureReaches(After, P::front(2), false, P::front(2)));
  EXPECT_FALSE(erasureReaches(After, P(), true, P::front(0)));
  EXPECT_FALSE(erasureReaches(After, P::front(0), true, P()));
  EXPECT_FALSE(erasureReaches(After, P::back(), true, P::front(3)));
}

TEST(ContainersPositions, ErasedAllAndNone) {
  using P = ElementPosition;
  EXPECT_TRUE(erasureReaches(Invalidation::Erased, P::back(), true, P::back()));
  EXPECT_TRUE(
      erasureReaches(Invalidation::Erased, P::front(0), true, P::front(0)));
  EXPECT_FALSE(
      erasureReaches(Invalidation::Erased, P::front(0), true, P::front(1)));
  EXPECT_FALSE(
      erasureReaches(Invalidation::Erased, P::back(), true, P::front(1)));
  EXPECT_TRUE(erasureReaches(Invalidation::All, P(), false, P()));
  EXPECT_FALSE(
      erasureReaches(Invalidation::None, P::front(0), true, P::front(0)));
}

TEST(ContainersNames, ChangesElementsInEverySpelling) {
  for (const char *Name :
       {"insert", "emplace_back", "erase", "clear", "pop_front",
        "operator=", "Insert", "PushBack", "RemoveAll", "removeOne",
        "takeFirst", "Clear", "merge", "splice"})
    EXPECT_TRUE(changesElements(Name)) << Name;
  for (const char *Name :
       {"", "find", "count", "size", "at", "begin", "Find", "contains"})
    EXPECT_FALSE(changesElements(Name)) << Name;
}

TEST_F(ContainersTest, StringsAndMapsByTheirMembers) {
  build(R"(
    struct QChar {};
    struct QString { typedef QChar value_type; };
    struct Bytes { using value_type = char; };
    struct Ints { using value_type = int; };
    QString q; Bytes b; Ints i; std::map<int, int> m; app::Cache c;)");
  const auto Record = [&](const std::string &Var) {
    return typeOf(Var)->getAsCXXRecordDecl();
  };
  EXPECT_TRUE(isStringLike(Record("q")));
  EXPECT_TRUE(isStringLike(Record("b")));
  EXPECT_FALSE(isStringLike(Record("i")));
  EXPECT_FALSE(isStringLike(Record("m")));
  EXPECT_TRUE(hasMappedType(Record("m")));
  EXPECT_TRUE(hasMappedType(Record("c")));
  EXPECT_FALSE(hasMappedType(Record("i")));
  EXPECT_FALSE(hasMappedType(nullptr));
}

TEST_F(ContainersTest, KeysAndMultiKeys) {
  build(R"(
    std::map<int, int> m; std::set<int> s; std::vector<int> v;
    absl::btree_map<int, int> b; std::unordered_map<int, int> u;)");
  const auto Info = [&](const std::string &Var) {
    return *Table.classify(typeOf(Var));
  };
  EXPECT_TRUE(Info("m").ErasesByKey);
  EXPECT_TRUE(Info("s").ErasesByKey);
  EXPECT_TRUE(Info("b").ErasesByKey);
  EXPECT_FALSE(Info("v").ErasesByKey);
  EXPECT_FALSE(Info("m").MultiKey);
  EXPECT_FALSE(Info("u").MultiKey);
  EXPECT_FALSE(Info("s").IsMap);
}

TEST_F(ContainersTest, KeyRemovalIsEraseOrQtsRemove) {
  build("std::map<int, int> m; std::set<int> s; std::vector<int> v; "
        "QMap<int, int> qm; QSet<int> qs;");
  const auto Info = [&](const std::string &Var) {
    return *Table.classify(typeOf(Var));
  };
  EXPECT_EQ(Info("m").KeyRemoval, "erase");
  EXPECT_EQ(Info("s").KeyRemoval, "erase");
  EXPECT_EQ(Info("v").KeyRemoval, "");
  EXPECT_EQ(Info("qm").KeyRemoval, "remove");
  EXPECT_FALSE(Info("qm").ErasesByKey);
  EXPECT_EQ(Info("qs").KeyRemoval, "remove");
}

TEST_F(ContainersTest, ListedNamesMatchAsHasAnyName) {
  build(
      "app::Registry<int, int> reg; app::Bag bag; store::MultiIndex<int> mi;");
  Table.addListed({"Registry", "::Bag", "::store::MultiIndex", "::std::map"});
  const auto Reg = Table.classify(typeOf("reg"));
  ASSERT_TRUE(Reg);
  EXPECT_EQ(Reg->Family, "app::Registry");
  EXPECT_EQ(Reg->Kind, ContainerKind::Node);
  EXPECT_TRUE(Reg->IsMap);
  // `::Bag` names a global class only.
  EXPECT_FALSE(Table.classify(typeOf("bag")));
  const auto Multi = Table.classify(typeOf("mi"));
  ASSERT_TRUE(Multi);
  EXPECT_TRUE(Multi->MultiKey);
  // A known family keeps its entry; listed names come back as written.
  const std::vector<std::string> Names = Table.qualifiedNames();
  EXPECT_EQ(llvm::count(Names, "::std::map"), 1);
  EXPECT_EQ(llvm::count(Names, "Registry"), 1);
}

TEST_F(ContainersTest, QualifiedNamesAsUsersWriteThem) {
  build(R"(
    namespace { struct Hidden {}; }
    namespace db { struct Conn { Conn(); Conn &operator<<(const char *); }; }
    void f() { struct Local {}; }
    extern "C" { struct Plain {}; })");
  ASTContext &Context = AST->getASTContext();
  const auto NameOf = [&](auto Matcher) {
    return qualifiedNameOf(
        selectFirst<NamedDecl>("d", match(Matcher.bind("d"), Context)));
  };
  EXPECT_EQ(NameOf(cxxRecordDecl(hasName("map"))), "std::map");
  EXPECT_EQ(NameOf(cxxRecordDecl(hasName("Hidden"))), "Hidden");
  EXPECT_EQ(NameOf(cxxMethodDecl(hasName("operator<<"))),
            "db::Conn::operator<<");
  EXPECT_EQ(NameOf(cxxRecordDecl(hasName("Plain"))), "Plain");
  EXPECT_EQ(NameOf(cxxRecordDecl(hasName("Local"))), "");
  EXPECT_EQ(NameOf(cxxConstructorDecl(ofClass(hasName("Conn")))),
            "db::Conn::Conn");
  const auto *Hidden = selectFirst<NamedDecl>(
      "d", match(cxxRecordDecl(hasName("Hidden")).bind("d"), Context));
  EXPECT_TRUE(isListedDecl(Hidden, {"Hidden"}));
  EXPECT_TRUE(isListedDecl(Hidden, {"::Hidden"}));
  EXPECT_FALSE(isListedDecl(Hidden, {"::app::Hidden"}));
  EXPECT_FALSE(isListedDecl(nullptr, {"Hidden"}));
}

TEST(ContainersNames, KindFromName) {
  EXPECT_EQ(kindFromName("FlatHashTable"), ContainerKind::Hashed);
  EXPECT_EQ(kindFromName("unordered_bag"), ContainerKind::Hashed);
  EXPECT_EQ(kindFromName("FlatTable"), ContainerKind::Contiguous);
  EXPECT_EQ(kindFromName("RingDeque"), ContainerKind::Contiguous);
  EXPECT_EQ(kindFromName("Cache"), ContainerKind::Node);
}

TEST(ContainersNames, KeyedFamilyListIsTheTablesKeyedFamilies) {
  const std::string List = keyedFamilyList();
  llvm::SmallVector<llvm::StringRef, 64> Names;
  llvm::StringRef(List).split(Names, ';');
  EXPECT_TRUE(llvm::is_contained(Names, "::std::map"));
  EXPECT_TRUE(llvm::is_contained(Names, "::absl::btree_multiset"));
  EXPECT_TRUE(llvm::is_contained(Names, "::llvm::StringMap"));
  EXPECT_FALSE(llvm::is_contained(Names, "::std::vector"));
  EXPECT_TRUE(llvm::is_contained(Names, "::QMap")); // removed by remove(key)
  EXPECT_FALSE(llvm::is_contained(Names, "::QList"));
}

TEST(ContainersNames, MapFamilyListIsTheTablesMaps) {
  const std::string List = mapFamilyList();
  llvm::SmallVector<llvm::StringRef, 64> Names;
  llvm::StringRef(List).split(Names, ';');
  for (const char *Map :
       {"::std::map", "::std::unordered_multimap", "::absl::flat_hash_map",
        "::llvm::DenseMap", "::QHash", "::boost::container::flat_map"})
    EXPECT_TRUE(llvm::is_contained(Names, Map)) << Map;
  for (const char *NotMap : {"::std::set", "::std::vector", "::QList"})
    EXPECT_FALSE(llvm::is_contained(Names, NotMap)) << NotMap;
}

TEST_F(ContainersTest, ContainerLikeByTableOrMembers) {
  build(R"(
    template <class K> struct User { std::map<K, int> m; app::Sized<K> z; };
    std::map<int, int> m; app::Bag bag; app::Box<int> box; int *p;)");
  const auto Like = [&](const std::string &Var) {
    return Table.isContainerLike(recordOrTemplateOf(typeOf(Var)));
  };
  EXPECT_TRUE(Like("m"));
  EXPECT_TRUE(Like("bag"));
  EXPECT_TRUE(Like("z"));
  EXPECT_FALSE(Like("box"));
  EXPECT_FALSE(Like("p"));
  EXPECT_EQ(recordOrTemplateOf(typeOf("p")), nullptr);
}

} // namespace
