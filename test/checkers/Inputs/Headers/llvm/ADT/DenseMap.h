#pragma once
namespace llvm {
// Unlike the std containers, erase(key) returns bool.
template <class K, class V> class DenseMap {
public:
  struct iterator {
    bool operator!=(const iterator &o) const;
  };
  iterator find(const K &k);
  iterator end();
  unsigned count(const K &k) const;
  bool contains(const K &k) const;
  bool erase(const K &k);
  void erase(iterator it);
};
} // namespace llvm
