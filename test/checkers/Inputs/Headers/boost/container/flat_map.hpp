#pragma once
#include <map>
namespace boost {
namespace container {
// A sorted vector: the mock borrows the interface of std::map.
template <class K, class V> class flat_map : public std::map<K, V> {};
} // namespace container
} // namespace boost
