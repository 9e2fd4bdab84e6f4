// The rewrite of an increment: `c.erase(it); ++it;` -> `it = c.erase(it);`.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t

#include <list>
#include <map>
#include <unordered_map>

void use(int);
bool cond();

int skipOne(std::map<int, int> &m, std::map<int, int>::iterator it) {
  m.erase(it);
  ++it;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-FIXES: {{^}}  it = m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  //{{$}}
  return it == m.end() ? 0 : it->second;
}

void postfix(std::list<int> &l) {
  auto it = l.begin();
  if (cond()) {
    l.erase(it);
    it++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: iterator 'it' is used after 'erase'
    // CHECK-FIXES: {{^}}    it = l.erase(it);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    //{{$}}
  }
  use(*it);
}

// The value is read, not the next element: it is taken out first
// (use-after-erase-take-value.cpp has the rest).
int readAfter(std::unordered_map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  auto value = it->second;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  return value;{{$}}
}

// An increment that is not the next statement.
void notNext(std::map<int, int> &m, std::map<int, int>::iterator it) {
  m.erase(it);
  use(0);
  ++it;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  m.erase(it);{{$}}
}

// Nothing is rewritten in a macro.
#define STEP(it) ++it
void inMacro(std::map<int, int> &m, std::map<int, int>::iterator it) {
  m.erase(it);
  STEP(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'erase'
  // CHECK-FIXES: {{^}}  m.erase(it);{{$}}
}

// extract returns a node, not the next iterator.
void extractThenStep(std::map<int, int> &m, std::map<int, int>::iterator it) {
  auto node = m.extract(it);
  ++it;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: iterator 'it' is used after 'extract'
  use(node.key());
}
