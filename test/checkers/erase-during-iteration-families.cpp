// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-erase-during-iteration %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-erase-during-iteration.FixMode, value: none}]}"
// The container families of checks/support/Containers.cpp, one function
// per family, the same list in every check's *-families.cpp test. Adding a
// family is one line of the table there; this list grows with it.
// Every family: a clear of the container a range-for walks is flagged,
// a clear of another container of the same family is not.

#include <container_families.h>

void stdMap(std::map<int, int> &a, std::map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a' invalidates the loop's iterator [safedelete-erase-during-iteration]
  for (auto &e : a)
    b.clear();
}

void stdUnorderedMap(std::unordered_map<int, int> &a, std::unordered_map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void stdUnorderedSet(std::unordered_set<int> &a, std::unordered_set<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void stdList(std::list<int> &a, std::list<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void stdDeque(std::deque<int> &a, std::deque<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void stdVector(std::vector<int> &a, std::vector<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void abslFlatHashMap(absl::flat_hash_map<int, int> &a, absl::flat_hash_map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void abslNodeHashMap(absl::node_hash_map<int, int> &a, absl::node_hash_map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void abslBtreeMap(absl::btree_map<int, int> &a, absl::btree_map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void abslBtreeSet(absl::btree_set<int> &a, absl::btree_set<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void boostUnorderedMap(boost::unordered_map<int, int> &a, boost::unordered_map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void boostFlatMap(boost::container::flat_map<int, int> &a, boost::container::flat_map<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void llvmDenseMap(llvm::DenseMap<int, int> &a, llvm::DenseMap<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void llvmSmallVector(llvm::SmallVector<int> &a, llvm::SmallVector<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void llvmStringMap(llvm::StringMap<int> &a, llvm::StringMap<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void qMap(QMap<int, int> &a, QMap<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void qHash(QHash<int, int> &a, QHash<int, int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}

void qList(QList<int> &a, QList<int> &b) {
  for (auto &e : a)
    a.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' on 'a' inside a loop over 'a'
  for (auto &e : a)
    b.clear();
}
