#include "app/accounts/user_service.hpp"

#include "app/accounts/auth_service.hpp"
#include "app/accounts/password_rules.hpp"
#include "app/accounts/user_json.hpp"
#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "crypto/crypto.hpp"
#include "domain/plain_text.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

bool valid_username(const std::string& name) {
  if (name.size() < 3 || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

// A district's administrator does not yet manage accounts: which accounts lie in a district
// (an enterprise's, by its enterprise) is not decided, and none may be seen outside it.
std::optional<Problem> require_admin(const Actor& actor) {
  if (actor.role != Role::admin) return Problem::forbidden({msg::admins_only});
  if (actor.region) return Problem::forbidden({msg::installation_admins_only});
  return std::nullopt;
}

// The stored form of a region scope (its canonical 6 digits), or the field error saying why not.
std::optional<FieldError> region_error(std::optional<std::string>& region, const std::string& role) {
  if (!region) return std::nullopt;
  if (region->empty()) {
    region.reset();
    return std::nullopt;
  }
  if (role == "enterprise") {
    return field_error("region_code", domain::fmsg::scope_enterprise_account);
  }
  auto code = domain::RegionCode::parse(*region);
  if (!code) return field_error("region_code", code.error());
  *region = code->text();
  return std::nullopt;
}

// The stored form of a unit or department (surrounding spaces trimmed), or the field error saying why not.
std::optional<FieldError> department_error(std::string& department) {
  const auto first = department.find_first_not_of(" \t");
  department = first == std::string::npos ? std::string() : department.substr(first, department.find_last_not_of(" \t") - first + 1);
  if (auto bad = domain::find_forbidden_character(department, false)) return FieldError{"department", bad->message};
  std::size_t characters = 0;
  for (unsigned char c : department) characters += (c & 0xC0) != 0x80;
  if (characters > kDepartmentMax) {
    return FieldError{"department", "单位/部门最多 " + std::to_string(kDepartmentMax) + " 个字符 / must be at most " +
                                        std::to_string(kDepartmentMax) + " characters"};
  }
  return std::nullopt;
}

Problem username_taken(const std::string& name) {
  return {409, "username_taken", "Username taken",
          "username: \"" + name + "\" is taken (usernames are unique regardless of case)",
          {{"username", "is already taken (regardless of case)"}}};
}

// An enterprise account is tied to one registry enterprise; other roles see every enterprise, so
// an enterprise_id on them would mean nothing (and a wrong one would scope nothing).
std::optional<Problem> enterprise_problem(store::Connection& conn, const std::string& role,
                                          const std::optional<std::int64_t>& enterprise_id) {
  if (!enterprise_id) return std::nullopt;
  if (role != "enterprise") {
    return Problem{422, "enterprise_id_not_allowed", "Enterprise not allowed",
                   "enterprise_id: only enterprise accounts belong to an enterprise",
                   {{"enterprise_id", "is allowed only on enterprise accounts"}}};
  }
  if (!store::RecordStore(conn, *domain::find_kind("enterprises")).exists(*enterprise_id)) {
    return Problem{422, "enterprise_not_found", "Enterprise not found",
                   "enterprise_id: no enterprise with id " + std::to_string(*enterprise_id),
                   {{"enterprise_id", "names no enterprise"}}};
  }
  return std::nullopt;
}

}  // namespace

Outcome<UserPage> UserService::list(const Actor& actor, const std::string& q, const store::Page& page) {
  if (auto p = require_admin(actor)) return *p;
  auto conn = db_.acquire();
  store::UserRepository users(*conn);
  UserPage out{users.search(q, page), users.count(q)};
  add_sign_in_state(db_, out.items);
  return out;
}

Outcome<CreatedUser> UserService::create(const Actor& actor, const NewUser& request) {
  if (auto p = require_admin(actor)) return *p;
  std::vector<FieldError> errors;
  if (!valid_username(request.username)) {
    errors.push_back({"username", "must be 3–64 characters: letters, digits, _ . - @"});
  }
  if (request.display_name.size() > 200) errors.push_back({"display_name", "must be at most 200 bytes"});
  if (!parse_role(request.role)) {
    errors.push_back({"role", "must be one of admin, staff, reviewer, enterprise, viewer"});
  }
  if (request.password) {
    for (auto& failure : crypto::password_policy_failures(*request.password)) errors.push_back({"password", failure});
  }
  std::optional<std::string> region = request.region_code;
  if (auto e = region_error(region, request.role)) errors.push_back(*e);
  std::string department = request.department;
  if (auto e = department_error(department)) errors.push_back(*e);
  if (!errors.empty()) return Problem::validation(std::move(errors));

  store::UserRecord user;
  user.region_code = region;
  user.department = department;
  user.username = request.username;
  user.display_name = request.display_name.empty() ? request.username : request.display_name;
  user.role = request.role;
  CreatedUser out;
  std::string password;
  if (request.password) {
    if (auto p = password_problem(*request.password, user.username, user.display_name, "password")) return *p;
    password = *request.password;
  } else {
    password = generate_password_for(user.username, user.display_name);
    out.initial_password = password;
  }
  user.password_hash = crypto::hash_password(password);
  user.must_change_password = !request.password.has_value() || request.must_change_password;
  user.enterprise_id = request.enterprise_id;
  user.created_at = user.updated_at = domain::to_iso_utc(domain::now_epoch_seconds());

  auto conn = db_.acquire();
  std::optional<Problem> problem;
  try {
    store::in_transaction(*conn, [&] {
      if ((problem = enterprise_problem(*conn, user.role, user.enterprise_id))) return;
      store::UserRepository users(*conn);
      if (users.find_by_username_any_case(user.username)) {
        problem = username_taken(user.username);
        return;
      }
      user.id = users.insert(user);
      append_audit(*conn, actor, "user.create", "user", std::to_string(user.id), std::nullopt,
                   boost::json::value(user_to_json(user)));
    });
  } catch (const store::DbError& e) {
    // A concurrent create of the same name: the unique index on LOWER(username) decides.
    if (e.kind() != store::DbError::Kind::unique_violation) throw;
    return username_taken(user.username);
  }
  if (problem) return *problem;
  out.user = user;
  return out;
}

Outcome<store::UserRecord> UserService::update(const Actor& actor, std::int64_t id,
                                               const UserChanges& changes) {
  if (auto p = require_admin(actor)) return *p;
  std::vector<FieldError> errors;
  if (changes.role && !parse_role(*changes.role)) {
    errors.push_back({"role", "must be one of admin, staff, reviewer, enterprise, viewer"});
  }
  if (changes.display_name && (changes.display_name->empty() || changes.display_name->size() > 200)) {
    errors.push_back({"display_name", "must be 1–200 bytes"});
  }
  std::optional<std::string> department = changes.department;
  if (department) {
    if (auto e = department_error(*department)) errors.push_back(*e);
  }
  if (!errors.empty()) return Problem::validation(std::move(errors));

  std::optional<Problem> problem;
  store::UserRecord result;
  {
  // Released before the sign-in store is reached (the same pool on PostgreSQL).
  auto conn = db_.acquire();
  struct Rollback {};
  try {
  store::in_transaction(*conn, [&] {
    store::UserRepository users(*conn);
    auto user = users.find_by_id(id);
    if (!user) {
      problem = Problem::not_found({msg::no_user, {{"id", id}}});
      return;
    }
    const auto before = user_to_json(*user);
    const bool was_enabled_admin = user->role == "admin" && !user->disabled;
    if (changes.display_name) user->display_name = *changes.display_name;
    if (department) user->department = *department;
    if (changes.role) user->role = *changes.role;
    if (changes.disabled) user->disabled = *changes.disabled;
    if (changes.enterprise_id) user->enterprise_id = *changes.enterprise_id;
    if (changes.region_code) user->region_code = *changes.region_code;
    if (changes.role || changes.region_code) {
      if (auto e = region_error(user->region_code, user->role)) {
        problem = Problem::validation({*e});
        return;
      }
    }
    // Checked only when the role or the enterprise changes, so an old account with a stray
    // enterprise_id can still be renamed or disabled.
    if (changes.role || changes.enterprise_id) {
      if ((problem = enterprise_problem(*conn, user->role, user->enterprise_id))) return;
    }
    user->updated_at = domain::to_iso_utc(domain::now_epoch_seconds());
    users.update(*user);
    // Never leave the system without an administrator who can sign in.
    const bool is_enabled_admin = user->role == "admin" && !user->disabled;
    if (was_enabled_admin && !is_enabled_admin && users.count_enabled_admins() == 0) {
      problem = Problem::conflict({msg::last_admin});
      throw Rollback{};
    }
    append_audit(*conn, actor, "user.update", "user", std::to_string(id), boost::json::value(before),
                 boost::json::value(user_to_json(*user)));
    result = *user;
  });
  } catch (const Rollback&) {
    // `problem` says why; the transaction was rolled back.
  }
  }
  if (problem) return *problem;
  if (result.disabled) end_sessions_of(db_, id);
  return result;
}

Outcome<std::string> UserService::reset_password(const Actor& actor, std::int64_t id) {
  if (auto p = require_admin(actor)) return *p;
  std::optional<store::UserRecord> account;
  {
    auto conn = db_.acquire();
    account = store::UserRepository(*conn).find_by_id(id);
  }
  if (!account) return Problem::not_found({msg::no_user, {{"id", id}}});
  const std::string password = generate_password_for(account->username, account->display_name);
  const std::string hash = crypto::hash_password(password);
  bool found = false;
  {
    // Released before the sign-in store is reached: on PostgreSQL that is the same pool, and the
    // CLI opens it with one connection (`user reset-password` waited for itself for ever).
    auto conn = db_.acquire();
    store::in_transaction(*conn, [&] {
      store::UserRepository users(*conn);
      auto user = users.find_by_id(id);
      if (!user) return;
      found = true;
      user->password_hash = hash;
      user->must_change_password = true;
      user->failed_logins = 0;
      user->locked_until.reset();
      user->updated_at = domain::to_iso_utc(domain::now_epoch_seconds());
      users.update(*user);
      append_audit(*conn, actor, "user.reset_password", "user", std::to_string(id), std::nullopt,
                   std::nullopt);
    });
  }
  if (!found) return Problem::not_found({msg::no_user, {{"id", id}}});
  end_sessions_of(db_, id);
  clear_failed_logins(db_, id);
  return password;
}

Outcome<std::string> UserService::reset_password_of(const Actor& actor, const std::string& username) {
  if (auto p = require_admin(actor)) return *p;
  std::optional<store::UserRecord> account;
  {
    auto conn = db_.acquire();
    account = store::UserRepository(*conn).find_by_username(username);
  }
  if (!account) return Problem::not_found({msg::no_user_named, {{"username", username}}});
  return reset_password(actor, account->id);
}

Status UserService::end_sessions(const Actor& actor, std::int64_t id) {
  if (auto p = require_admin(actor)) return *p;
  {
    auto conn = db_.acquire();
    if (!store::UserRepository(*conn).find_by_id(id)) {
      return Problem::not_found({msg::no_user, {{"id", id}}});
    }
  }
  // Sessions live in the sign-in store (Database::sign_in), apart from the audit's transaction.
  const auto ended = end_sessions_of(db_, id);
  auto conn = db_.acquire();
  store::in_transaction(*conn, [&] {
    boost::json::object after{{"sessions_ended", ended}};
    append_audit(*conn, actor, "user.end_sessions", "user", std::to_string(id), std::nullopt,
                 boost::json::value(after));
  });
  return done();
}

}  // namespace kc::app
