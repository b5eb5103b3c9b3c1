// Tunable limits of sign-in and sessions; defaults are the documented ones.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kc::app {

struct SecurityPolicy {
  std::int64_t session_idle_seconds = 30 * 60;
  std::int64_t session_absolute_seconds = 12 * 60 * 60;
  int max_failed_logins = 5;                 // consecutive failures that lock an account
  std::int64_t lockout_seconds = 15 * 60;
  int ip_max_failures = 20;                  // failures from one address within the window
  std::int64_t ip_window_seconds = 15 * 60;
  int max_sessions_per_user = 5;             // signing in beyond it ends the oldest session
  // Seconds a heavy index analysis (build, uncertainty) may compute before it stops and answers
  // 422 time_budget_exceeded (`serve --heavy-request-seconds`).
  std::int64_t heavy_request_seconds = 30;
  // Origins (scheme://host[:port]) besides the request's own Host that may send state-changing
  // requests, e.g. the public name a reverse proxy serves when it rewrites Host.
  std::vector<std::string> allowed_origins;
};

}  // namespace kc::app
