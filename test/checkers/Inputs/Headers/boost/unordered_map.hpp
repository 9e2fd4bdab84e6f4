#pragma once
#include <unordered_map>
namespace boost {
template <class K, class V>
class unordered_map : public std::unordered_map<K, V> {};
} // namespace boost
