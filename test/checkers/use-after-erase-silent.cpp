// More correct code that looks like a use after erase, and the open-addressing
// tables whose insertions move the elements themselves.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <absl/container/flat_hash_map.h>
#include <llvm/ADT/DenseMap.h>
#include <map>
#include <unordered_map>
#include <vector>

void use(int);
bool cond();
struct Error {};

void flatInsertMovesElements(absl::flat_hash_map<int, int> &m, int k) {
  int &v = m[k];
  m[k + 1] = 2;
  use(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'v' is used after 'operator[]' invalidated it [safedelete-use-after-erase]
}

void throwRightAfter(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (cond()) {
    m.erase(it);
    throw Error();
  }
  use(it->second);
}

void switchReturn(std::map<int, int> &m, int k, int mode) {
  auto it = m.find(k);
  switch (mode) {
  case 0:
    m.erase(it);
    return;
  default:
    break;
  }
  use(it->second);
}

void guardedByEnd(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it != m.end()) {
    use(it->second);
    m.erase(it);
  } else {
    use(0);
  }
}

void otherIteratorErased(std::map<int, int> &m) {
  auto it = m.begin();
  auto jt = m.find(7);
  m.erase(jt);
  use(it->second);
}

void hashedEraseOtherElement(std::unordered_map<int, int> &m, int a, int b) {
  auto it = m.find(a);
  m.erase(b);
  use(it->second);
}

void findLoopOverContainer(std::map<int, int> &m, int k) {
  std::map<int, int>::iterator it;
  while ((it = m.find(k)) != m.end())
    m.erase(it);
}

void positionRestored(std::vector<int> &v, int *it) {
  long index = it - v.begin();
  v.erase(it);
  it = v.begin() + index;
  use(*it);
}

void copyBeforePushBack(std::vector<int> &v) {
  int first = v[0];
  v.push_back(1);
  use(first);
}

void vectorReadsOnly(std::vector<int> &v) {
  int &first = v[0];
  use(static_cast<int>(v.empty()));
  use(first);
}

void eraseInOtherFunction(std::map<int, int> &m, std::map<int, int>::iterator it);
void eraseElsewhere(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  eraseInOtherFunction(m, m.find(k + 1));
  use(it->second);
}

void denseFindAfterErase(llvm::DenseMap<int, int> &m, int k) {
  m.erase(k);
  auto it = m.find(k);
  use(it != m.end());
}

void endSurvivesClear(std::map<int, int> &m) {
  auto end = m.end();
  m.clear();
  use(m.begin() != end);
}

void insertResultKept(std::map<int, int> &m, int k) {
  auto result = m.insert({k, 1});
  m.erase(k);
  use(result.second);
}
