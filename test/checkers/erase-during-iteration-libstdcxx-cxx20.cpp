// Against the real libstdc++ headers in C++20: std::ranges::for_each and
// std::for_each_n as users write them, and calls that erase.
// RUN: %check_clang_tidy -real-stdlib -std=c++20-or-later %s safedelete-erase-during-iteration %t

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

bool expired(int);

class Sessions {
public:
  void purgeRanges() {
    std::ranges::for_each(byKey_, [this](const auto &kv) {
      if (expired(kv.second))
        byKey_.erase(kv.first);
    });
    // CHECK-NOTES: :[[@LINE-2]]:16: warning: 'erase' on 'byKey_' inside a loop over 'byKey_' invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-3]]:16: warning: 'erase' on 'byKey_' inside a loop over 'byKey_' invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-6]]:5: note: loop over 'byKey_' starts here
    // CHECK-NOTES: :[[@LINE-5]]:16: note: collect what to remove and erase it after the loop, or iterate with 'it = byKey_.erase(it)' and advance only when nothing was erased
  }
  void purgeThroughCall() {
    std::ranges::for_each(byKey_.begin(), byKey_.end(),
                          [this](const auto &kv) { close(kv.first); });
    // CHECK-NOTES: :[[@LINE-1]]:52: warning: 'close' modifies 'byKey_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:52: warning: 'close' modifies 'byKey_' inside a loop over it, which invalidates the loop's iterator [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: loop over 'byKey_' starts here
    // CHECK-NOTES: :[[@LINE+41]]:31: note: 'erase' is called here
  }
  void purgeIterator() {
    for (auto it = byKey_.begin(); it != byKey_.end(); ++it)
      if (expired(it->second))
        close(it->first);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'close' modifies 'byKey_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'close' modifies 'byKey_' and invalidates 'it', which is used again before it is reassigned [safedelete-erase-during-iteration]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: loop over 'byKey_' starts here
    // CHECK-NOTES: :[[@LINE+32]]:31: note: 'erase' is called here
    // CHECK-NOTES: :[[@LINE-7]]:58: note: 'it' is used here after being invalidated
  }

  // Silent: a projection, another key, a copy.
  void projected() {
    std::ranges::for_each(
        byKey_, [this](int key) { byKey_.erase(key + 1); },
        &std::pair<const int, int>::first);
  }
  void otherKey(int k) {
    std::ranges::for_each(byKey_, [&](const auto &kv) {
      if (kv.second == k)
        close(k);
    });
  }
  void overCopy() {
    auto snapshot = byKey_;
    std::ranges::for_each(snapshot, [this](const auto &kv) { close(kv.first); });
  }

  void collectThenErase() {
    std::vector<int> doomed;
    std::ranges::for_each(byKey_, [&](const auto &kv) {
      if (expired(kv.second))
        doomed.push_back(kv.first);
    });
    for (int id : doomed)
      close(id);
  }

private:
  void close(int id) { byKey_.erase(id); }
  std::map<int, int> byKey_;
};

void firstFew(std::vector<std::string> &names) {
  std::for_each_n(names.begin(), 2, [&](const std::string &n) {
    if (n.empty())
      names.clear();
  });
  // CHECK-NOTES: :[[@LINE-2]]:13: warning: 'clear' on 'names' inside a loop over 'names' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: warning: 'clear' on 'names' inside a loop over 'names' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: loop over 'names' starts here
  // CHECK-NOTES: :[[@LINE-5]]:13: note: leave the loop right after modifying 'names' or modify it after the loop
}

void setRanges(std::set<int> &ids) {
  std::ranges::for_each(ids, [&](int id) { ids.erase(id); });
  // CHECK-NOTES: :[[@LINE-1]]:48: warning: 'erase' on 'ids' inside a loop over 'ids' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-MESSAGES: :[[@LINE-2]]:48: warning: 'erase' on 'ids' inside a loop over 'ids' invalidates the loop's iterator [safedelete-erase-during-iteration]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop over 'ids' starts here
  // CHECK-NOTES: :[[@LINE-4]]:48: note: collect what to remove and erase it after the loop, or iterate with 'it = ids.erase(it)' and advance only when nothing was erased
}
