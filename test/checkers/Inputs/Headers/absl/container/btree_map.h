#pragma once
#include <map>
namespace absl {
template <class K, class V> class btree_map : public std::map<K, V> {};
} // namespace absl
