#pragma once
// Minimal folly::Promise for the lit tests (no real library).
namespace folly {
template <class T> class Promise {
public:
  Promise();
  Promise(Promise &&);
  void setValue(const T &v);
  template <class E> void setException(const E &e);
};
} // namespace folly
