// Poco::Data, reduced.
#pragma once
#include <string>
namespace Poco {
namespace Data {
struct Manipulator {};
class Statement {
public:
  template <class T> Statement &operator<<(const T &t);
  Statement &operator,(const Manipulator &m);
  unsigned long execute();
};
class Session {
public:
  Session(const std::string &connector, const std::string &connection);
  template <class T> Statement operator<<(const T &t);
};
namespace Keywords {
extern const Manipulator now;
template <class T> Manipulator use(T &t);
} // namespace Keywords
} // namespace Data
} // namespace Poco
