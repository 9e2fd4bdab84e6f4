#pragma once
#include <set>
namespace absl {
template <class K> class btree_set : public std::set<K> {};
} // namespace absl
