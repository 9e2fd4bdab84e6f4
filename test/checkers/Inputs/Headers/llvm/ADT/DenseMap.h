#pragma once
namespace llvm {
template <class K, class V> struct DenseMapPair {
  K first;
  V second;
};
// Unlike the std containers, erase(key) returns bool.
template <class K, class V> class DenseMap {
public:
  typedef K key_type;
  typedef V mapped_type;
  struct iterator {
    DenseMapPair<K, V> &operator*() const;
    DenseMapPair<K, V> *operator->() const;
    iterator &operator++();
    bool operator==(const iterator &o) const;
    bool operator!=(const iterator &o) const;
  };
  iterator begin();
  iterator find(const K &k);
  iterator end();
  unsigned size() const;
  bool empty() const;
  unsigned count(const K &k) const;
  bool contains(const K &k) const;
  V &operator[](const K &k);
  bool erase(const K &k);
  void erase(iterator it);
  void clear();
};
} // namespace llvm
