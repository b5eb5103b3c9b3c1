// Rows of the login_throttle table: failed sign-ins per address in a fixed window, which the
// sign-in use case compares with its limit. The table lives in the sign-in store
// (`Database::sign_in()`), so every server behind one database throttles together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kc::store {

struct ThrottleWindow {
  std::int64_t window_start = 0;  // epoch seconds
  std::int64_t failures = 0;
};

class LoginThrottleRepository {
 public:
  explicit LoginThrottleRepository(Connection& conn) : conn_(conn) {}

  std::optional<ThrottleWindow> find(const std::string& ip);
  // Counts one failure from `ip` at `now`; a window that started before `expired_before` is over,
  // and a new one starts with this failure. One statement in both dialects, so concurrent
  // failures are all counted.
  void count_failure(const std::string& ip, std::int64_t now, std::int64_t expired_before);

 private:
  Connection& conn_;
};

}  // namespace kc::store
