// {fmt}, reduced.
#pragma once
#include <string>
namespace fmt {
inline namespace v10 {
template <class T> struct type_identity { using type = T; };
template <class... Args> class basic_format_string {
public:
  template <class S> constexpr basic_format_string(const S &s) {}
};
template <class... Args>
using format_string = basic_format_string<typename type_identity<Args>::type...>;
template <class... T>
std::string format(format_string<T...> fmt, T &&...args);
} // namespace v10
} // namespace fmt
