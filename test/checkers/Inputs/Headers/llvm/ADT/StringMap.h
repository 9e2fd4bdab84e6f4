#pragma once
#include <unordered_map>
namespace llvm {
// Keyed by StringRef in LLVM; by C string here.
template <class V>
class StringMap : public std::unordered_map<const char *, V> {};
} // namespace llvm
