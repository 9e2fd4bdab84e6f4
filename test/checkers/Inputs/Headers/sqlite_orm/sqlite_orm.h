// sqlite_orm, reduced.
#pragma once
namespace sqlite_orm {
namespace internal {
template <class C> struct where_t {};
template <class... Ts> class storage_t {
public:
  template <class O, class... Args> void remove_all(Args &&...args);
  template <class O> void remove(int id);
};
} // namespace internal
template <class C> internal::where_t<C> where(C c);
template <class... Ts> internal::storage_t<Ts...> make_storage(const char *path, Ts... tables);
} // namespace sqlite_orm
