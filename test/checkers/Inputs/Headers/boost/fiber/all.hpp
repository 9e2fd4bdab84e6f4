#pragma once
// Minimal Boost.Fiber for the lit tests (no real library).
namespace boost {
namespace fibers {
enum class channel_op_status { success, full, closed };
template <class T> class promise {
public:
  promise();
  promise(promise &&);
  void set_value(const T &v);
};
template <class T> class buffered_channel {
public:
  explicit buffered_channel(unsigned long capacity);
  channel_op_status push(const T &v);
  channel_op_status try_push(const T &v);
  void close();
};
template <class T> class unbuffered_channel {
public:
  channel_op_status push(const T &v);
  void close();
};
} // namespace fibers
} // namespace boost
