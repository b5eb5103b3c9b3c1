// Rows of the users table (sessions: store/session_repository.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/page.hpp"

namespace kc::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string password_hash;
  bool must_change_password = false;
  bool disabled = false;
  int failed_logins = 0;
  std::optional<std::int64_t> locked_until;  // epoch seconds
  std::optional<std::int64_t> enterprise_id;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> last_login_at;
  // Region scope: the GB/T 2260 code of the district, city (……00) or province (……0000) the user
  // oversees; none for the whole installation.
  std::optional<std::string> region_code;
  std::string department;  // 单位/部门: the unit or department the person works in ("" if not given)
};

class UserRepository {
 public:
  explicit UserRepository(Connection& conn) : conn_(conn) {}

  std::optional<UserRecord> find_by_id(std::int64_t id);
  // Exact match: how sign-in finds an account (see docs/operations.md, "Password and account rules").
  std::optional<UserRecord> find_by_username(const std::string& username);
  // The account whose username equals this one regardless of (ASCII) case; usernames are unique
  // that way (migration 8).
  std::optional<UserRecord> find_by_username_any_case(const std::string& username);
  // Groups of accounts whose usernames differ only in case, each group ordered by id; what
  // migration 8 must refuse before it can create its unique index (id and username filled only).
  std::vector<std::vector<UserRecord>> case_duplicates();
  // Users whose username, display name or department contains `q` (case-insensitive for ASCII).
  std::vector<UserRecord> search(const std::string& q, const Page& page);
  std::int64_t count(const std::string& q);
  std::int64_t count_all();
  std::int64_t insert(const UserRecord& user);  // returns the new id
  void update(const UserRecord& user);          // every mutable column, by id
  // Enabled accounts with the admin role: the system must keep at least one.
  std::int64_t count_enabled_admins();

 private:
  Connection& conn_;
};

}  // namespace kc::store
