// The log of every sign-in attempt, successful or not, and its search and export.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace kc::app {

struct LoginEntry {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  std::string ip;
  bool success = false;
  std::optional<std::string> reason;  // bad_password, locked, disabled, unknown_user, throttled
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
void export_logins_csv(store::Connection& conn, const LoginFilter& filter, std::ostream& out);

}  // namespace kc::app
