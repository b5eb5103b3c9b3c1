#include "store/user_repository.hpp"

#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

constexpr const char* kColumns =
    "id, username, display_name, role, password_hash, must_change_password, disabled, "
    "failed_logins, locked_until, enterprise_id, created_at, updated_at, last_login_at, region_code, department";

UserRecord to_user(const Row& r) {
  UserRecord u;
  u.id = r.integer(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  u.role = r.text(3);
  u.password_hash = r.text(4);
  u.must_change_password = r.boolean(5);
  u.disabled = r.boolean(6);
  u.failed_logins = static_cast<int>(r.integer(7));
  u.locked_until = r.optional_integer(8);
  u.enterprise_id = r.optional_integer(9);
  u.created_at = r.text(10);
  u.updated_at = r.text(11);
  u.last_login_at = r.optional_text(12);
  u.region_code = r.optional_text(13);
  u.department = r.text(14);
  return u;
}

Value optional(const std::optional<std::int64_t>& v) {
  return v ? Value{*v} : Value{std::monostate{}};
}
Value optional(const std::optional<std::string>& v) {
  return v ? Value{*v} : Value{std::monostate{}};
}

constexpr const char* kSearchWhere =
    " WHERE (LOWER(username) LIKE LOWER($1) ESCAPE '\\' OR LOWER(display_name) LIKE LOWER($1) "
    "ESCAPE '\\' OR LOWER(department) LIKE LOWER($1) ESCAPE '\\')";

}  // namespace

std::optional<UserRecord> UserRepository::find_by_id(std::int64_t id) {
  auto row = conn_.query_one(std::string("SELECT ") + kColumns + " FROM users WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return to_user(*row);
}

std::optional<UserRecord> UserRepository::find_by_username(const std::string& username) {
  auto row = conn_.query_one(std::string("SELECT ") + kColumns + " FROM users WHERE username = $1",
                             {username});
  if (!row) return std::nullopt;
  return to_user(*row);
}

std::optional<UserRecord> UserRepository::find_by_username_any_case(const std::string& username) {
  auto row = conn_.query_one(std::string("SELECT ") + kColumns +
                                 " FROM users WHERE LOWER(username) = LOWER($1) ORDER BY id LIMIT 1",
                             {username});
  if (!row) return std::nullopt;
  return to_user(*row);
}

std::vector<std::vector<UserRecord>> UserRepository::case_duplicates() {
  // Only the columns migration 8 had: it runs this before later migrations add the others.
  auto rows = conn_.query("SELECT id, username"
                          " FROM users WHERE LOWER(username) IN (SELECT LOWER(username) FROM users "
                          "GROUP BY LOWER(username) HAVING COUNT(*) > 1) ORDER BY LOWER(username), id");
  std::vector<std::vector<UserRecord>> out;
  std::string group;
  for (const auto& r : rows) {
    UserRecord user;
    user.id = r.integer(0);
    user.username = r.text(1);
    std::string key = user.username;
    for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (out.empty() || key != group) out.emplace_back();
    group = key;
    out.back().push_back(std::move(user));
  }
  return out;
}

std::vector<UserRecord> UserRepository::search(const std::string& q, const Page& page) {
  auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM users" + kSearchWhere +
                              " ORDER BY id LIMIT $2 OFFSET $3",
                          {like_contains(q), std::int64_t{page.page_size}, std::int64_t{page.offset()}});
  std::vector<UserRecord> out;
  for (const auto& r : rows) out.push_back(to_user(r));
  return out;
}

std::int64_t UserRepository::count(const std::string& q) {
  return conn_.query_one(std::string("SELECT COUNT(*) FROM users") + kSearchWhere, {like_contains(q)})
      ->integer(0);
}

std::int64_t UserRepository::count_all() {
  return conn_.query_one("SELECT COUNT(*) FROM users")->integer(0);
}

std::int64_t UserRepository::count_enabled_admins() {
  return conn_.query_one("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")->integer(0);
}

std::int64_t UserRepository::insert(const UserRecord& u) {
  auto row = conn_.query_one(
      "INSERT INTO users (username, display_name, role, password_hash, must_change_password, "
      "disabled, failed_logins, locked_until, enterprise_id, created_at, updated_at, region_code, department) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
      {u.username, u.display_name, u.role, u.password_hash, std::int64_t{u.must_change_password},
       std::int64_t{u.disabled}, std::int64_t{u.failed_logins}, optional(u.locked_until),
       optional(u.enterprise_id), u.created_at, u.updated_at, optional(u.region_code), u.department});
  return row->integer(0);
}

void UserRepository::update(const UserRecord& u) {
  conn_.execute(
      "UPDATE users SET display_name = $2, role = $3, password_hash = $4, must_change_password = $5, "
      "disabled = $6, failed_logins = $7, locked_until = $8, enterprise_id = $9, updated_at = $10, "
      "last_login_at = $11, region_code = $12, department = $13 WHERE id = $1",
      {u.id, u.display_name, u.role, u.password_hash, std::int64_t{u.must_change_password},
       std::int64_t{u.disabled}, std::int64_t{u.failed_logins}, optional(u.locked_until),
       optional(u.enterprise_id), u.updated_at, optional(u.last_login_at), optional(u.region_code),
       u.department});
}

}  // namespace kc::store
