#include "store/login_throttle_repository.hpp"

namespace kc::store {

std::optional<ThrottleWindow> LoginThrottleRepository::find(const std::string& ip) {
  auto row = conn_.query_one("SELECT window_start, failures FROM login_throttle WHERE ip = $1", {ip});
  if (!row) return std::nullopt;
  return ThrottleWindow{row->integer(0), row->integer(1)};
}

void LoginThrottleRepository::count_failure(const std::string& ip, std::int64_t now,
                                            std::int64_t expired_before) {
  conn_.execute(
      "INSERT INTO login_throttle (ip, window_start, failures) VALUES ($1, $2, 1) "
      "ON CONFLICT (ip) DO UPDATE SET "
      "failures = CASE WHEN login_throttle.window_start < $3 THEN 1 ELSE login_throttle.failures + 1 END, "
      "window_start = CASE WHEN login_throttle.window_start < $3 THEN $2 ELSE login_throttle.window_start END",
      {ip, now, expired_before});
}

}  // namespace kc::store
