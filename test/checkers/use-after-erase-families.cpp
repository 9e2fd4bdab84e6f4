// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t
// The container families of checks/support/Containers.cpp, one function
// per family, the same list in every check's *-families.cpp test. Adding a
// family is one line of the table there; this list grows with it.
// Every family: an iterator compared after the erase that invalidated it
// is flagged, one read again from the container first is not.

#include <container_families.h>

bool stdMap(std::map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
}

bool stdMapReread(std::map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool stdUnorderedMap(std::unordered_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool stdUnorderedMapReread(std::unordered_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool stdUnorderedSet(std::unordered_set<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool stdUnorderedSetReread(std::unordered_set<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool stdList(std::list<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool stdListReread(std::list<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool stdDeque(std::deque<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool stdDequeReread(std::deque<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool stdVector(std::vector<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool stdVectorReread(std::vector<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool abslFlatHashMap(absl::flat_hash_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool abslFlatHashMapReread(absl::flat_hash_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool abslNodeHashMap(absl::node_hash_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool abslNodeHashMapReread(absl::node_hash_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool abslBtreeMap(absl::btree_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool abslBtreeMapReread(absl::btree_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool abslBtreeSet(absl::btree_set<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool abslBtreeSetReread(absl::btree_set<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool boostUnorderedMap(boost::unordered_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool boostUnorderedMapReread(boost::unordered_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool boostFlatMap(boost::container::flat_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool boostFlatMapReread(boost::container::flat_map<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool llvmDenseMap(llvm::DenseMap<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool llvmDenseMapReread(llvm::DenseMap<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool llvmSmallVector(llvm::SmallVector<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool llvmSmallVectorReread(llvm::SmallVector<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool llvmStringMap(llvm::StringMap<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool llvmStringMapReread(llvm::StringMap<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool qMap(QMap<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool qMapReread(QMap<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool qHash(QHash<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool qHashReread(QHash<int, int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}

bool qList(QList<int> &a) {
  auto it = a.begin();
  a.erase(it);
  return it == a.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{iterator|pointer}} 'it' is used after 'erase'
}

bool qListReread(QList<int> &a) {
  auto it = a.begin();
  a.erase(it);
  it = a.begin();
  return it == a.end();
}
