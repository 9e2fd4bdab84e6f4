// ContainerTypes replaces the default list.
// RUN: %check_clang_tidy %s safedelete-lookup-before-erase %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-lookup-before-erase.ContainerTypes, value: '::store::Table; ::store::Index'}]}"

#include <map>

namespace store {
template <class K, class V> class Table {
public:
  unsigned count(const K &k) const;
  unsigned erase(const K &k);
};
class Index : public Table<int, int> {};
class Other : public Table<int, int> {};
} // namespace store

void configured(store::Table<int, long> &t1, store::Index &i2, int k) {
  if (t1.count(k)) t1.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 't1' before erase; 'erase' does nothing when the key is absent [safedelete-lookup-before-erase]
  // CHECK-FIXES: t1.erase(k);
  if (i2.count(k)) i2.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'i2'
  // CHECK-FIXES: i2.erase(k);
}

// std::map is no longer in the list: silent. store::Other derives from a
// listed class: flagged.
void notConfigured(std::map<int, int> &m, store::Other &o3, int k) {
  if (m.count(k)) m.erase(k);
  if (o3.count(k)) o3.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: redundant lookup in 'o3'
  // CHECK-FIXES: o3.erase(k);
}
