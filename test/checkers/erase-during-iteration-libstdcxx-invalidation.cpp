// Against the real libstdc++: loops that invalidate their own iterator by
// an insertion, loops bounded by another position of the container, and the
// for statement's own increment after `it = c.erase(it)` (issue 14).
// RUN: %check_clang_tidy -real-stdlib -std=c++17-or-later %s safedelete-erase-during-iteration %t -- -config="{CheckOptions: [{key: safedelete-erase-during-iteration.FixMode, value: iterator-loop}]}"

#include <deque>
#include <iterator>
#include <list>
#include <map>
#include <string>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

bool wanted(int);

void pushBackWhileIterating(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (wanted(*it))
      v.push_back(*it + 1);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'push_back' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: loop over 'v' starts here
      // CHECK-MESSAGES: :[[@LINE-5]]:46: note: 'it' is used here after being invalidated
      // CHECK-MESSAGES: :[[@LINE-4]]:9: note: collect the new elements and add them after the loop, or continue from the iterator 'insert' returns
}

void appendToString(std::string &s) {
  for (auto it = s.begin(); it != s.end(); ++it)
    if (*it == '.')
      s += "..";
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'operator+=' on 's' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void appendMember(std::string &s) {
  for (auto it = s.begin(); it != s.end(); ++it)
    if (*it == '-')
      s.append(1, '-');
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'append' on 's' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void emplaceBackDeque(std::deque<int> &d) {
  auto it = d.begin();
  while (it != d.end()) {
    if (wanted(*it))
      d.emplace_back(0);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'emplace_back' on 'd' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    ++it;
  }
}

void insertBeforeCurrent(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (wanted(*it)) {
      v.insert(it, 0);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'insert' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
      // CHECK-FIXES: {{^}}      it = v.insert(it, 0); ++it;{{$}}
    }
  }
}

void insertAsIfBody(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (wanted(*it))
      v.insert(it, 0);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'insert' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void subscriptHashed(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    if (wanted(it->first))
      m[it->first + 1] = it->second;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'operator[]' on 'm' may rehash it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void insertHashedSet(std::unordered_set<int> &s) {
  for (auto it = s.begin(); it != s.end(); ++it)
    if (wanted(*it))
      s.insert(*it * 2);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'insert' on 's' may rehash it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void resizeWhileIterating(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it < 0)
      v.resize(v.size() + 1);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'resize' on 'v' may reallocate it and invalidate 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void boundedByPrev(std::list<int> &l) {
  auto last = std::prev(l.end());
  for (auto it = l.begin(); it != last; ++it)
    if (wanted(*it))
      l.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
      // CHECK-FIXES: {{^}}  for (auto it = l.begin(); it != last;){{$}}
      // CHECK-FIXES: {{^}}      it = l.erase(it); else ++it;{{$}}
}

void boundedByFind(std::map<int, int> &m, int stop) {
  const auto last = m.find(stop);
  for (auto it = m.begin(); it != last; ++it)
    if (wanted(it->second))
      m.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'm' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
      // CHECK-FIXES: {{^}}  for (auto it = m.begin(); it != last;){{$}}
      // CHECK-FIXES: {{^}}      it = m.erase(it); else ++it;{{$}}
}

void boundedBySavedEnd(std::map<int, int> &m) {
  for (auto it = m.begin(), end = m.end(); it != end; ++it)
    if (wanted(it->second))
      m.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'm' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
      // CHECK-FIXES: {{^}}  for (auto it = m.begin(), end = m.end(); it != end;){{$}}
      // CHECK-FIXES: {{^}}      it = m.erase(it); else ++it;{{$}}
}

void savedEndOfVector(std::vector<int> &v) {
  for (auto it = v.begin(), end = v.end(); it != end; ++it)
    if (*it < 0)
      v.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'v' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
      // CHECK-MESSAGES: :[[@LINE-2]]:9: note: continue from the iterator 'erase' returns: 'it = v.erase(it)', and advance only when nothing was erased
      // CHECK-FIXES: {{^}}      v.erase(it);{{$}}
}

struct Registry {
  std::vector<int> items;
};

void stepAfterEraseMember(Registry &r) {
  for (auto it = r.items.begin(); it != r.items.end(); ++it)
    if (wanted(*it))
      it = r.items.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'erase' already moves 'it' to the next element; the increment that follows skips that element and can step past the end of 'r.items' [safedelete-erase-during-iteration]
      // CHECK-FIXES: {{^}}  for (auto it = r.items.begin(); it != r.items.end();){{$}}
      // CHECK-FIXES: {{^}}      it = r.items.erase(it); else ++it;{{$}}
}

// Silent: the increment assigns the iterator, it does not read it.
void nextInIncrement(std::map<int, int> &m) {
  for (auto it = m.begin(), next = it; it != m.end(); it = next) {
    next = std::next(it);
    if (wanted(it->second))
      m.erase(it);
  }
}

void eraseResultInIncrement(std::map<int, int> &m) {
  for (auto it = m.begin(), jt = it; it != m.end(); it = jt) {
    if (wanted(it->second)) {
      jt = m.erase(it);
      continue;
    }
    jt = std::next(it);
  }
}

void restartInIncrement(std::vector<int> &v) {
  for (auto it = v.begin(), end = v.end(); it != end;
       it = v.begin(), end = v.end()) {
    if (!wanted(*it))
      break;
    v.erase(it);
  }
}

void insertTakesResult(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (wanted(*it)) {
      it = v.insert(it, 0);
      ++it;
    }
}

void insertIntoAnother(std::vector<int> &v, std::vector<int> &out) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (wanted(*it))
      out.push_back(*it);
}

void reservedBeforeTheLoop(std::vector<int> &v) {
  v.reserve(v.size() * 2);
  for (auto it = v.begin(), end = v.end(); it != end; ++it)
    if (wanted(*it))
      v.push_back(*it);
}

void pushBackThenBreak(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (wanted(*it)) {
      v.push_back(0);
      break;
    }
}

void pushBackThenReturn(std::string &s) {
  for (auto it = s.begin(); it != s.end(); ++it)
    if (*it == '!') {
      s += '!';
      return;
    }
}

void nodeBasedInsertions(std::list<int> &l, std::map<int, int> &m) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (wanted(*it))
      l.push_back(*it);
  for (auto it = m.begin(); it != m.end(); ++it)
    if (wanted(it->first))
      m.emplace(it->first + 100, 0);
}

void boundedByFindEraseTakesResult(std::map<int, int> &m, int stop) {
  const auto last = m.find(stop);
  for (auto it = m.begin(); it != last;)
    if (wanted(it->second))
      it = m.erase(it);
    else
      ++it;
}


// The container written as an element of another: the same `v[i]` on both
// calls is one container (indexing a vector has no side effect).
void stepAfterEraseIndexed(std::vector<std::vector<int>> &v, int i) {
  for (auto it = v[i].begin(); it != v[i].end(); ++it)
    if (wanted(*it))
      it = v[i].erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'erase' already moves 'it' to the next element; the increment that follows skips that element and can step past the end of 'v[i]' [safedelete-erase-during-iteration]
  // CHECK-FIXES: {{^}}  for (auto it = v[i].begin(); it != v[i].end();){{$}}
  // CHECK-FIXES: {{^}}      it = v[i].erase(it); else ++it;{{$}}
}

// Silent: a map's m[k] may insert; two of them are not known to be one
// container, nor are v[i] and v[j].
void notTheSameContainer(std::map<int, std::vector<int>> &m,
                         std::vector<std::vector<int>> &v, int i, int j) {
  for (auto it = m[i].begin(); it != m[i].end(); ++it)
    if (wanted(*it))
      it = m[i].erase(it);
  for (auto it = v[i].begin(); it != v[i].end(); ++it)
    if (wanted(*it))
      it = v[j].erase(it);
}

// Bounded by any iterator (a parameter): erase(it) says which container
// `it` walks.
void boundedByParameter(std::list<int> &l, std::list<int>::iterator it,
                        std::list<int>::iterator stop) {
  for (; it != stop; ++it)
    if (wanted(*it))
      l.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-FIXES: {{^}}  for (; it != stop;){{$}}
  // CHECK-FIXES: {{^}}      it = l.erase(it); else ++it;{{$}}
}

struct Walker {
  std::map<int, int> table;
  void run(std::map<int, int>::iterator from,
           std::map<int, int>::iterator to) {
    while (from != to) {
      if (wanted(from->second))
        table.erase(from);
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'erase' on 'table' invalidates 'from', which is used again before it is reassigned [safedelete-erase-during-iteration]
      ++from;
    }
  }
};

// Silent: the erase's result is taken; an index loop; an erase by key.
void boundedByParameterTakesResult(std::list<int> &l,
                                   std::list<int>::iterator it,
                                   std::list<int>::iterator stop) {
  while (it != stop)
    if (wanted(*it))
      it = l.erase(it);
    else
      ++it;
}

void indexLoop(std::vector<int> &v, int n) {
  for (int i = 0; i != n; ++i)
    v.erase(v.begin());
}

void eraseByKeyInSetOfIterators(std::map<std::vector<int>::iterator, int> &s,
                                std::vector<int>::iterator it,
                                std::vector<int>::iterator stop) {
  for (; it != stop; ++it)
    s.erase(it);
}

// `erase(++it)` erases the element after the current one and leaves `it` on
// it: the loop's next step reads a dangling iterator, whatever bounds the
// loop. No fix: what the loop meant is not written down.
void erasePreIncremented(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (wanted(*it))
      l.erase(++it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: loop over 'l' starts here
  // CHECK-MESSAGES: :[[@LINE-5]]:46: note: 'it' is used here after being invalidated
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: 'erase(++it)' removes the element after the one 'it' stood on and leaves 'it' on the removed element
}

void erasePreIncrementedSavedBound(std::list<int> &l) {
  const auto last = l.end();
  for (auto it = l.begin(); it != last; ++it)
    if (wanted(*it))
      l.erase(++it);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
}

void erasePreIncrementedBetween(std::map<int, int> &m,
                                std::map<int, int>::iterator it,
                                std::map<int, int>::iterator stop) {
  while (it != stop) {
    if (wanted(it->second))
      m.erase(++it);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'erase' on 'm' invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    ++it;
  }
}

// A member iterator walks the container like a local one.
class Cursor {
public:
  void sweep() {
    for (cur_ = items_.begin(); cur_ != items_.end(); ++cur_)
      if (wanted(*cur_))
        items_.erase(cur_);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'erase' on 'items_' invalidates 'cur_', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-FIXES: {{^}}    for (cur_ = items_.begin(); cur_ != items_.end();){{$}}
    // CHECK-FIXES: {{^}}        cur_ = items_.erase(cur_); else ++cur_;{{$}}
  }
  void sweepExplicitThis() {
    while (this->cur_ != this->stop_) {
      if (wanted(*this->cur_))
        this->items_.erase(this->cur_);
      // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'erase' on 'this->items_' invalidates 'cur_', which is used again before it is reassigned [safedelete-erase-during-iteration]
      ++this->cur_;
    }
  }
  void grow() {
    for (pos_ = values_.begin(); pos_ != values_.end(); ++pos_)
      if (wanted(*pos_))
        values_.push_back(*pos_);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'push_back' on 'values_' may reallocate it and invalidate 'pos_', which is used again before it is reassigned [safedelete-erase-during-iteration]
  }

  // Silent: erase's result taken, `erase(it++)` on a node container, a
  // member call that may move the iterator on, and a different member.
  void sweepTakesResult() {
    for (cur_ = items_.begin(); cur_ != items_.end();)
      if (wanted(*cur_))
        cur_ = items_.erase(cur_);
      else
        ++cur_;
  }
  void sweepPostIncrement() {
    for (cur_ = items_.begin(); cur_ != items_.end();)
      if (wanted(*cur_))
        items_.erase(cur_++);
      else
        ++cur_;
  }
  void sweepThroughMember() {
    for (cur_ = items_.begin(); cur_ != items_.end(); ++cur_)
      if (wanted(*cur_)) {
        items_.erase(cur_);
        restart();
      }
  }
  void sweepOther() {
    for (cur_ = items_.begin(); cur_ != items_.end(); ++cur_)
      if (wanted(*cur_))
        others_.erase(*cur_);
  }

private:
  void restart() { cur_ = items_.begin(); }
  std::list<int> items_;
  std::list<int>::iterator cur_, stop_;
  std::vector<int> values_;
  std::vector<int>::iterator pos_;
  std::set<int> others_;
};

// Silent: erasing the next element through a copy keeps `it` valid on a
// node container; `erase(it++)` moves on first.
void eraseNextThroughCopy(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it) {
    auto next = std::next(it);
    if (next != l.end() && wanted(*next))
      l.erase(next);
  }
}

void erasePostIncremented(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();)
    if (wanted(it->second))
      m.erase(it++);
    else
      ++it;
}
