#pragma once
#include <unordered_map>
namespace absl {
template <class K, class V>
class node_hash_map : public std::unordered_map<K, V> {};
} // namespace absl
