// std::ranges::for_each over a view of the container, against the real
// libstdc++ headers: the check stays silent (the view is not the container).
// Clang 14 and 15 cannot parse libstdc++ 12's <ranges> views.
// UNSUPPORTED: llvm-14, llvm-15
// RUN: %check_clang_tidy -real-stdlib -std=c++20-or-later %s safedelete-erase-during-iteration %t

#include <algorithm>
#include <map>
#include <ranges>

void use(int);

void overKeys(std::map<int, int> &m1) {
  std::ranges::for_each(m1 | std::views::keys, [&](int k) { m1.erase(k + 1); });
}

void overFilter(std::map<int, int> &m2) {
  auto odd = [](const auto &kv) { return kv.first % 2 == 1; };
  std::ranges::for_each(m2 | std::views::filter(odd),
                        [&](const auto &kv) { m2.erase(kv.first + 1); });
}

void overRefView(std::map<int, int> &m3) {
  std::ranges::for_each(std::views::all(m3), [&](const auto &kv) { use(kv.first); });
}
