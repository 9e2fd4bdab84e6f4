#pragma once
// Minimal boost::asio::post for the lit tests (no real library).
namespace boost {
namespace asio {
#include "../../__asio"
} // namespace asio
} // namespace boost
