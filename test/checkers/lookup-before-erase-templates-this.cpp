// `this->member` of a class template: LLVM 19 and later resolve it to the
// member and its type (std::unordered_map<std::string, V>); LLVM 14 to 16
// leave it an unresolved member of dependent type, so the check cannot see
// the container there and stays silent.
// UNSUPPORTED: llvm-14, llvm-15, llvm-16
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-lookup-before-erase %t

#include <string>
#include <unordered_map>

template <class V> class Cache {
public:
  bool take(const std::string &key) {
    if (this->entries_.find(key) != this->entries_.end()) {
      this->entries_.erase(key);
      return true;
    }
    return false;
    // CHECK-MESSAGES: :[[@LINE-5]]:24: warning: redundant lookup in 'this->entries_' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
    // CHECK-FIXES: return this->entries_.erase(key) != 0;
  }

private:
  std::unordered_map<std::string, V> entries_;
};
template class Cache<int>;
