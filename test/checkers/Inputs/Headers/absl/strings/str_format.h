// absl::StrFormat, reduced.
#pragma once
#include <string>
namespace absl {
namespace str_format_internal {
template <class T> struct identity { using type = T; };
template <class... Args> class FormatSpecTemplate {
public:
  FormatSpecTemplate(const char *s);
};
} // namespace str_format_internal
template <class... Args>
using FormatSpec = str_format_internal::FormatSpecTemplate<
    typename str_format_internal::identity<Args>::type...>;
template <class... Args>
std::string StrFormat(const FormatSpec<Args...> &format, const Args &...args);
} // namespace absl
