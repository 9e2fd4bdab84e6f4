// Classes added to the table per kind.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-use-after-erase %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: safedelete-use-after-erase.NodeContainers, value: '::app::Tree'}, \
// RUN:     {key: safedelete-use-after-erase.HashedContainers, value: '::app::Table'}, \
// RUN:     {key: safedelete-use-after-erase.ContiguousContainers, value: '::app::Buffer'}]}"

#include <map>

namespace app {
template <class K, class V> struct Table {
  using mapped_type = V;
  struct iterator {
    V *operator->() const;
    V &operator*() const;
  };
  iterator find(const K &k);
  iterator erase(iterator pos);
  V &operator[](const K &k);
  void insert(const K &k, const V &v);
};
template <class K, class V> struct Tree {
  struct iterator {
    V &operator*() const;
  };
  iterator find(const K &k);
  V &operator[](const K &k);
  void insert(const K &k, const V &v);
};
template <class T> struct Buffer {
  T &operator[](unsigned long i);
  void push_back(const T &v);
};
template <class K, class V> struct Unlisted {
  struct iterator {
    V &operator*() const;
  };
  iterator find(const K &k);
  iterator erase(iterator pos);
};
} // namespace app

void use(int);

void hashedInsert(app::Table<int, int> &t, int k) {
  auto it = t.find(k);
  t.insert(k + 1, 2);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'insert' invalidated it [safedelete-use-after-erase]
}

void hashedErase(app::Table<int, int> &t, int k) {
  auto it = t.find(k);
  t.erase(it);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: iterator 'it' is used after 'erase'
}

void contiguousPush(app::Buffer<int> &b) {
  int &first = b[0];
  b.push_back(1);
  use(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: reference 'first' is used after 'push_back'
}

// No warning: node-based insertion, and a class nobody listed.
void nodeInsert(app::Tree<int, int> &t, int k) {
  auto it = t.find(k);
  t.insert(k + 1, 2);
  use(*it);
}

void hashedInsertKeepsReferences(app::Table<int, int> &t, int k) {
  int &v = t[k];
  t.insert(k + 1, 2);
  use(v);
}

void unlisted(app::Unlisted<int, int> &u, int k) {
  auto it = u.find(k);
  u.erase(it);
  use(*it);
}
