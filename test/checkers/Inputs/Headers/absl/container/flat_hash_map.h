#pragma once
#include <map>
namespace absl {
template <class K, class V> class flat_hash_map : public std::unordered_map<K, V> {};
} // namespace absl
