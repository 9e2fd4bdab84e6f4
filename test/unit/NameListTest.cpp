//===--- NameListTest.cpp - unit tests for support/NameList --------------===//

#include "support/NameList.h"
#include "gtest/gtest.h"

using clang::tidy::safedelete::isQualifiedName;
using clang::tidy::safedelete::NameList;
using clang::tidy::safedelete::parseNameList;

namespace {

TEST(IsQualifiedName, AcceptsPlainAndQualifiedNames) {
  EXPECT_TRUE(isQualifiedName("map"));
  EXPECT_TRUE(isQualifiedName("::std::map"));
  EXPECT_TRUE(isQualifiedName("absl::flat_hash_map"));
  EXPECT_TRUE(isQualifiedName("_Detail::Map2"));
}

TEST(IsQualifiedName, RejectsEverythingElse) {
  EXPECT_FALSE(isQualifiedName(""));
  EXPECT_FALSE(isQualifiedName("::"));
  EXPECT_FALSE(isQualifiedName("std::"));
  EXPECT_FALSE(isQualifiedName("std:::map"));
  EXPECT_FALSE(isQualifiedName("std::map<int, int>"));
  EXPECT_FALSE(isQualifiedName("std map"));
  EXPECT_FALSE(isQualifiedName("2map"));
  EXPECT_FALSE(isQualifiedName("std::.*"));
  EXPECT_FALSE(isQualifiedName("a::::b"));
}

TEST(ParseNameList, SplitsTrimsAndSkipsEmptyEntries) {
  const NameList L = parseNameList(" ::std::map ; ;set;; llvm::DenseMap ;");
  EXPECT_EQ(L.Names,
            (std::vector<std::string>{"::std::map", "set", "llvm::DenseMap"}));
  EXPECT_TRUE(L.Invalid.empty());
}

TEST(ParseNameList, ReportsInvalidEntriesAndKeepsTheRest) {
  const NameList L = parseNameList("std::map;std::vector<int>;;a b;Cache");
  EXPECT_EQ(L.Names, (std::vector<std::string>{"std::map", "Cache"}));
  EXPECT_EQ(L.Invalid, (std::vector<std::string>{"std::vector<int>", "a b"}));
}

TEST(ParseNameList, EmptyValueGivesEmptyList) {
  EXPECT_TRUE(parseNameList("").Names.empty());
  EXPECT_TRUE(parseNameList(" ; ;").Names.empty());
  EXPECT_TRUE(parseNameList(" ; ;").Invalid.empty());
}

} // namespace
