#pragma once
#include <vector>
namespace llvm {
template <class T, unsigned N = 4>
class SmallVector : public std::vector<T> {};
} // namespace llvm
