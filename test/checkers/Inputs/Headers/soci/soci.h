// SOCI, reduced.
#pragma once
#include <string>
namespace soci {
namespace details {
class use_type_base {};
class once_temp_type {
public:
  template <class T> once_temp_type &operator<<(const T &t);
  once_temp_type &operator,(const use_type_base &u);
  ~once_temp_type();
};
class once_type {
public:
  template <class T> once_temp_type operator<<(const T &t);
};
} // namespace details
class session {
public:
  session();
  template <class T> details::once_temp_type operator<<(const T &t);
  details::once_type once;
};
template <class T> details::use_type_base use(const T &t);
} // namespace soci
