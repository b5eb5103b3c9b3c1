// Administration of user accounts: create, change role or name, disable, reset passwords and
// end sessions. Only admins may do any of it; every change is audited. Usernames are unique
// regardless of case (409 `username_taken`); passwords follow app/accounts/password_rules.hpp; an
// enterprise_id must name an existing enterprise, and only an enterprise account may have one.
// Accounts are managed by administrators of the whole installation (no region scope of their own).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace kc::app {

// Characters a user's unit or department (单位/部门) may have.
inline constexpr std::size_t kDepartmentMax = 100;

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::optional<std::string> password;  // generated when absent
  std::optional<std::int64_t> enterprise_id;  // an existing enterprise; enterprise accounts only
  // Region scope (GB/T 2260: a district, a city ……00 or a province ……0000); none: the whole
  // installation. Not for enterprise accounts, which their enterprise scopes.
  std::optional<std::string> region_code;
  // A password an administrator chose or generated is known to someone besides its user, so it
  // must be changed at the first sign-in; false only for automation (`user add --no-password-change`).
  bool must_change_password = true;
  std::string department;  // 单位/部门, at most kDepartmentMax characters
};

struct CreatedUser {
  store::UserRecord user;
  std::optional<std::string> initial_password;  // only when generated; shown once
};

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<bool> disabled;
  // Set: the new enterprise (null clears it). Checked with the resulting role.
  std::optional<std::optional<std::int64_t>> enterprise_id;
  // Set: the new region scope (null: the whole installation). Takes effect on the user's next request.
  std::optional<std::optional<std::string>> region_code;
  std::optional<std::string> department;  // set: the new unit or department ("" clears it)
};

struct UserPage {
  std::vector<store::UserRecord> items;
  std::int64_t total = 0;
};

class UserService {
 public:
  explicit UserService(store::Database& db) : db_(db) {}

  Outcome<UserPage> list(const Actor& actor, const std::string& q, const store::Page& page);
  Outcome<CreatedUser> create(const Actor& actor, const NewUser& request);
  Outcome<store::UserRecord> update(const Actor& actor, std::int64_t id, const UserChanges& changes);
  Outcome<std::string> reset_password(const Actor& actor, std::int64_t id);
  // The same for the account with exactly this username (the CLI names accounts, not ids).
  Outcome<std::string> reset_password_of(const Actor& actor, const std::string& username);
  Status end_sessions(const Actor& actor, std::int64_t id);

 private:
  store::Database& db_;
};

}  // namespace kc::app
