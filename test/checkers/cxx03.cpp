// C++98 and C++03 code, where map and set erase return nothing and there is
// no `auto`: the checks that apply there report the same bugs, and their
// fix-its are C++03 (cppcheck's cppcheckexecutor.cpp and preprocessor.cpp
// of 2011, built with -std=c++98, fixed in 1a83e3ef81 and a177fc4b24).
// RUN: %check_clang_tidy -real-stdlib -std=c++98,c++03 %s safedelete-erase-during-iteration,safedelete-use-after-erase,safedelete-unlocked-erase %t -- -- -idirafter %S/Inputs/Headers

#include <list>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <annotated_mutex.h>

bool bad(int);
bool isSpace(char);
void use(int);

void eraseFromVector(std::vector<int> &v) {
  for (std::vector<int>::iterator it = v.begin(); it != v.end(); ++it)
    if (bad(*it))
      v.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'v' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-FIXES: {{^}}  for (std::vector<int>::iterator it = v.begin(); it != v.end();){{$}}
  // CHECK-FIXES: {{^}}      it = v.erase(it); else ++it;{{$}}
}

void stripSpaces(std::string comment) {
  for (std::string::iterator i = comment.begin(); i != comment.end();) {
    if (isSpace(*i))
      comment.erase(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' on 'comment' invalidates 'i', which is used again before it is reassigned [safedelete-erase-during-iteration]
    else
      ++i;
  }
}

// map::erase returns nothing before C++11: the iterator steps in the call.
void eraseFromMap(std::map<int, int> &m) {
  for (std::map<int, int>::iterator it = m.begin(); it != m.end(); ++it)
    if (bad(it->second))
      m.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'm' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-FIXES: {{^}}  for (std::map<int, int>::iterator it = m.begin(); it != m.end();){{$}}
  // CHECK-FIXES: {{^}}      m.erase(it++); else ++it;{{$}}
}

void eraseFromSetThenBreakLater(std::set<int> &s) {
  for (std::set<int>::iterator it = s.begin(); it != s.end(); ++it) {
    if (bad(*it))
      s.erase(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 's' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: step past the element as it goes: 's.erase(it++)', and advance only when nothing was erased
    use(*it);
  }
}

int valueAfterErase(std::map<int, int> &m, int k) {
  std::map<int, int>::iterator it = m.find(k);
  m.erase(it);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'it' is invalidated by this 'erase' of 'm'; take what is needed from it first
  // CHECK-FIXES: {{^}}  m.erase(it);{{$}}
  // CHECK-FIXES: {{^}}  return it->second;{{$}}
}

void stepAfterListErase(std::list<int> &l, std::list<int>::iterator it) {
  l.erase(it);
  ++it;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: iterator 'it' is used after 'erase' invalidated it [safedelete-use-after-erase]
  // CHECK-FIXES: {{^}}  it = l.erase(it);{{$}}
}

class Registry {
public:
  void Add(int k) {
    mu_.lock();
    ids_.insert(k);
    mu_.unlock();
  }
  void Drop(int k) {
    ids_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' modifies 'ids_' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void DropLocked(int k) {
    mu_.lock();
    ids_.erase(k);
    mu_.unlock();
  }

private:
  Mutex mu_;
  std::set<int> ids_ GUARDED_BY(mu_);
};

// Correct C++03 code that looks alike: no warning.

void stepInTheCall(std::map<int, int> &m) {
  for (std::map<int, int>::iterator it = m.begin(); it != m.end();)
    if (bad(it->second))
      m.erase(it++);
    else
      ++it;
}

void continueFromResult(std::vector<int> &v) {
  for (std::vector<int>::iterator it = v.begin(); it != v.end();)
    if (bad(*it))
      it = v.erase(it);
    else
      ++it;
}

int valueTakenFirst(std::map<int, int> &m, int k) {
  std::map<int, int>::iterator it = m.find(k);
  const int value = it->second;
  m.erase(it);
  return value;
}

void eraseByKeyCopy(std::set<int> &s) {
  for (std::set<int>::iterator it = s.begin(); it != s.end();) {
    const int k = *it++;
    if (bad(k))
      s.erase(k);
  }
}
