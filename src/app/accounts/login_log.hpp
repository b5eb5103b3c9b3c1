// The log of every sign-in and password-change attempt, successful or not, and its search and
// export. It lives in the sign-in store: pass a connection of `Database::sign_in()`.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/page.hpp"

namespace kc::app {

struct LoginEntry {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  std::string ip;
  bool success = false;
  // bad_password, locked, disabled, unknown_user, throttled; a password change: password_change
  // (success), password_change_bad_password, password_change_locked
  std::optional<std::string> reason;
};

struct LoginFilter {
  std::string q;                 // substring of username or ip
  std::optional<bool> success;
  std::string from, to;          // ISO dates or times, inclusive
};

void record_login(store::Connection& conn, const std::string& username,
                  std::optional<std::int64_t> user_id, const std::string& ip, bool success,
                  std::optional<std::string> reason);
std::vector<LoginEntry> search_logins(store::Connection& conn, const LoginFilter& filter,
                                      const store::Page& page);
std::int64_t count_logins(store::Connection& conn, const LoginFilter& filter);
std::int64_t export_logins_csv(store::Connection& conn, const LoginFilter& filter, std::ostream& out);

}  // namespace kc::app
