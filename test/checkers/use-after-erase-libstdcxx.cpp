// Against the real libstdc++ headers, the library users build with.
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-use-after-erase %t

#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

void use(int);
void use(std::string_view);
bool cond();

int takeValue(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'it' is invalidated by this 'erase' of 'm'
}

void constIterator(std::map<int, int> &m, std::map<int, int>::const_iterator it) {
  m.erase(it);
  use(it->first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

void setByValue(std::set<std::string> &s) {
  auto it = s.find("a");
  s.erase(*it);
  use(it->size());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

void viewIntoValue(std::unordered_map<int, std::string> &m, int k) {
  std::string_view name = m[k];
  m.erase(k);
  use(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: view 'name' is used after 'erase' invalidated it
}

void viewIntoVectorElement(std::vector<std::string> &v) {
  std::string_view first = v.front();
  v.push_back("x");
  use(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: view 'first' is used after 'push_back'
}

void vectorIterator(std::vector<int> &v) {
  auto it = v.begin() + 1;
  v.erase(it);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'erase'
}

void vectorInsertion(std::vector<int> &v) {
  auto it = v.begin();
  v.emplace_back(3);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'emplace_back'
}

void dequeEraseInvalidatesAll(std::deque<int> &d, int k) {
  int &front = d.front();
  d.erase(d.begin() + k);
  use(front);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'front' is used after 'erase'
}

void stringAppend(std::string &s) {
  const char &c = s[0];
  s.push_back('x');
  use(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'c' is used after 'push_back'
}

void insertedPair(std::map<int, std::string> &m, int k) {
  auto [it, fresh] = m.try_emplace(k, "v");
  if (fresh)
    m.erase(k);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'it' is used after 'erase'
}

void insertedPairKeptWhole(std::unordered_map<int, std::string> &m, int k) {
  auto r = m.emplace(k, "v");
  if (!r.second)
    m.erase(r.first);
  use(r.first->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: iterator 'r.first' is used after 'erase'
}

void stringIteratorAfterAssign(std::string &s) {
  auto it = s.begin();
  s = "replaced";
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'operator=' invalidated it
}

// Correct code that looks alike: no warning.

void onlyTheBoolOfThePair(std::set<int> &s, int k) {
  const auto r = s.insert(k);
  s.erase(r.first);
  use(r.second);
}

void eraseReturnsNext(std::map<int, int> &m, std::map<int, int>::iterator it) {
  it = m.erase(it);
  if (it != m.end())
    use(it->second);
}

void nextFirst(std::map<int, int> &m, std::map<int, int>::iterator it) {
  auto next = std::next(it);
  m.erase(it);
  it = next;
  use(it->second);
}

std::string movedOut(std::map<int, std::string> &m, int k) {
  auto it = m.find(k);
  std::string value = std::move(it->second);
  m.erase(it);
  return value;
}

void nodeHandle(std::map<int, std::string> &m, int k) {
  auto it = m.find(k);
  auto node = m.extract(it);
  use(node.mapped());
}

void unorderedReferenceSurvivesRehash(std::unordered_map<int, int> &m, int k) {
  int &v = m[k];
  m.emplace(k + 1, 2);
  use(v);
}

void mapReferenceSurvivesInsert(std::map<int, int> &m, int k) {
  int &v = m[k];
  m.insert({k + 1, 2});
  m.erase(k + 1);
  use(v);
}

void stringViewCopy(std::unordered_map<int, std::string> &m, int k) {
  std::string copy = m[k];
  m.erase(k);
  use(copy);
}

void vectorReserved(std::vector<int> &v) {
  auto it = v.begin();
  use(*it);
  v.push_back(1);
}

// find, insert and erase of a string by position work in numbers and
// references to the string, not iterators (ZNC's Template.cpp).
std::size_t positionAfterAssign(std::string line) {
  std::string::size_type pos = line.find("?>");
  if (pos == std::string::npos)
    return 0;
  line = line.substr(pos + 2);
  return pos + 4;
}

void positionAfterErase(std::string &s) {
  const auto pos = s.find('x');
  s.erase(0, 1);
  use(static_cast<int>(pos));
}

void selfReferenceAfterClear(std::string &s) {
  std::string &same = s.insert(0, "x");
  s.clear();
  use(same);
}
