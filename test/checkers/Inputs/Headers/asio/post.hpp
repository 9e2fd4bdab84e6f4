#pragma once
// Minimal standalone asio::post for the lit tests (no real library).
namespace asio {
#include "../__asio"
} // namespace asio
