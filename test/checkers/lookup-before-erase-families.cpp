// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-lookup-before-erase %t
// The container families of checks/support/Containers.cpp, one function
// per family, the same list in every check's *-families.cpp test. Adding a
// family is one line of the table there; this list grows with it.
// Every family whose erase takes a key: a count that only guards the
// erase of its key is flagged, one that guards the erase of another key
// is not.

#include <container_families.h>

void stdMap(std::map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void stdUnorderedMap(std::unordered_map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void stdUnorderedSet(std::unordered_set<int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

// std::list<int>: a sequence, whose erase takes an iterator and no key; the
// check does not apply.
void stdList(std::list<int> &a) {
  if (!a.empty()) a.erase(a.begin());
}

// std::deque<int>: a sequence, whose erase takes an iterator and no key; the
// check does not apply.
void stdDeque(std::deque<int> &a) {
  if (!a.empty()) a.erase(a.begin());
}

// std::vector<int>: a sequence, whose erase takes an iterator and no key; the
// check does not apply.
void stdVector(std::vector<int> &a) {
  if (!a.empty()) a.erase(a.begin());
}

void abslFlatHashMap(absl::flat_hash_map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void abslNodeHashMap(absl::node_hash_map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void abslBtreeMap(absl::btree_map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void abslBtreeSet(absl::btree_set<int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void boostUnorderedMap(boost::unordered_map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void boostFlatMap(boost::container::flat_map<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

void llvmDenseMap(llvm::DenseMap<int, int> &a, int k, int j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

// llvm::SmallVector<int>: a sequence, whose erase takes an iterator and no key; the
// check does not apply.
void llvmSmallVector(llvm::SmallVector<int> &a) {
  if (!a.empty()) a.erase(a.begin());
}

void llvmStringMap(llvm::StringMap<int> &a, const char * k, const char * j) {
  if (a.count(k)) a.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before erase
  // CHECK-FIXES: {{^}}  a.erase(k);{{$}}
  if (a.count(k)) a.erase(j);
}

// QMap<int, int>: Qt's erase takes an iterator and remove takes the key
// (Cockatrice's server_room.cpp:221); the find forms are not rewritten.
void qMap(QMap<int, int> &a, int k, int j) {
  if (a.contains(k)) a.remove(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before remove; 'remove' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: {{^}}  a.remove(k);{{$}}
  if (a.contains(k)) a.remove(j);
  if (a.contains(k)) a.erase(a.find(k));
}

// QHash<int, int>: the same.
void qHash(QHash<int, int> &a, int k, int j) {
  if (a.contains(k)) a.remove(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: redundant lookup in 'a' before remove; 'remove' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: {{^}}  a.remove(k);{{$}}
  if (!a.contains(j))
    return;
  a.remove(j);
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: redundant lookup in 'a' before remove
  // CHECK-FIXES: {{^}}  if (!a.remove(j)){{$}}
}

// QList<int>: a sequence, whose erase takes an iterator and no key; the
// check does not apply.
void qList(QList<int> &a) {
  if (!a.isEmpty()) a.erase(a.begin());
}
