// Rows of the login_log table: every sign-in and password-change attempt. The table lives in the
// sign-in store (`Database::sign_in()`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/page.hpp"

namespace kc::store {

struct LoginLogRow {
  std::int64_t id = 0;  // assigned on insert
  std::string at;
  std::string username;
  std::optional<std::int64_t> user_id;
  std::string ip;
  bool success = false;
  std::optional<std::string> reason;
};

// Search conditions; empty strings match everything. `to` is the inclusive upper bound as stored
// (a full ISO time: the caller widens a bare date to its day's end).
struct LoginLogQuery {
  std::string q;  // substring of username or ip
  std::optional<bool> success;
  std::string from;
  std::string to;
};

class LoginLogRepository {
 public:
  explicit LoginLogRepository(Connection& conn) : conn_(conn) {}

  void insert(const LoginLogRow& row);  // `id` is ignored
  // Newest first.
  std::vector<LoginLogRow> search(const LoginLogQuery& query, const Page& page);
  std::int64_t count(const LoginLogQuery& query);

 private:
  Connection& conn_;
};

}  // namespace kc::store
