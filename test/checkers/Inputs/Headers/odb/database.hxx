// ODB, reduced.
#pragma once
namespace odb {
template <class T> class query {
public:
  query(const char *q);
};
class database {
public:
  template <class T> unsigned long long erase_query();
  template <class T> unsigned long long erase_query(const char *q);
  template <class T> unsigned long long erase_query(const odb::query<T> &q);
  template <class T> void erase(unsigned long id);
};
} // namespace odb
