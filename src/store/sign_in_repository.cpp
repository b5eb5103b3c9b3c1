#include "store/sign_in_repository.hpp"

namespace kc::store {
namespace {

Value optional(const std::optional<std::string>& v) { return v ? Value{*v} : Value{std::monostate{}}; }

}  // namespace

void SignInRepository::ensure_row(std::int64_t user_id) {
  conn_.execute("INSERT INTO login_attempts (user_id, failed) VALUES ($1, 0) ON CONFLICT (user_id) DO NOTHING",
                {user_id});
}

AttemptClaim SignInRepository::claim_attempt(std::int64_t user_id, std::int64_t now, int max_failed,
                                             std::int64_t lock_until) {
  ensure_row(user_id);
  // Every right-hand side reads the row as it was before this UPDATE; concurrent UPDATEs of the
  // row are serialised (SQLite's write lock, PostgreSQL's row lock with the WHERE re-checked).
  auto row = conn_.query_one(
      "UPDATE login_attempts SET "
      "failed = CASE WHEN failed + 1 >= $3 THEN 0 ELSE failed + 1 END, "
      "locked_until = CASE WHEN failed + 1 >= $3 THEN $4 ELSE locked_until END "
      "WHERE user_id = $1 AND (locked_until IS NULL OR locked_until <= $2) "
      "RETURNING locked_until",
      {user_id, now, std::int64_t{max_failed}, lock_until});
  AttemptClaim claim;
  if (row) {
    claim.granted = true;
    const auto until = row->optional_integer(0);
    claim.locks_now = until && *until > now;
    if (claim.locks_now) claim.locked_until = until;
    return claim;
  }
  if (auto state = find(user_id)) claim.locked_until = state->locked_until;
  return claim;
}

void SignInRepository::succeeded(std::int64_t user_id, const std::optional<std::string>& login_at) {
  ensure_row(user_id);
  conn_.execute(
      "UPDATE login_attempts SET failed = 0, locked_until = NULL, "
      "last_login_at = COALESCE($2, last_login_at) WHERE user_id = $1",
      {user_id, optional(login_at)});
}

void SignInRepository::clear(std::int64_t user_id) {
  conn_.execute("UPDATE login_attempts SET failed = 0, locked_until = NULL WHERE user_id = $1", {user_id});
}

std::optional<SignInState> SignInRepository::find(std::int64_t user_id) {
  auto row = conn_.query_one("SELECT failed, locked_until, last_login_at FROM login_attempts WHERE user_id = $1",
                             {user_id});
  if (!row) return std::nullopt;
  return SignInState{static_cast<int>(row->integer(0)), row->optional_integer(1), row->optional_text(2)};
}

std::map<std::int64_t, SignInState> SignInRepository::find_many(const std::vector<std::int64_t>& user_ids) {
  std::map<std::int64_t, SignInState> out;
  if (user_ids.empty()) return out;
  std::string sql = "SELECT user_id, failed, locked_until, last_login_at FROM login_attempts WHERE user_id IN (";
  Params params;
  for (std::size_t i = 0; i < user_ids.size(); ++i) {
    if (i) sql += ", ";
    sql += "$" + std::to_string(i + 1);
    params.push_back(user_ids[i]);
  }
  sql += ")";
  for (const auto& r : conn_.query(sql, params)) {
    out[r.integer(0)] = SignInState{static_cast<int>(r.integer(1)), r.optional_integer(2), r.optional_text(3)};
  }
  return out;
}

void SignInRepository::insert_session(const std::string& token_hash, std::int64_t user_id,
                                      const std::string& csrf_token, std::int64_t now,
                                      std::int64_t started_us, const std::string& ip,
                                      const std::string& user_agent) {
  conn_.execute(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, ip, user_agent, "
      "started_us) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
      {token_hash, user_id, csrf_token, now, ip, user_agent, started_us});
}

std::int64_t SignInRepository::trim_sessions(std::int64_t user_id, const std::string& keep_token_hash,
                                             int max_sessions) {
  const std::int64_t others = max_sessions > 1 ? max_sessions - 1 : 0;
  return conn_.execute(
      "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 AND token_hash NOT IN ("
      "SELECT token_hash FROM sessions WHERE user_id = $1 AND token_hash <> $2 "
      "ORDER BY started_us DESC, created_at DESC, token_hash LIMIT $3)",
      {user_id, keep_token_hash, others});
}

void SignInRepository::lock_row(std::int64_t user_id) {
  ensure_row(user_id);
  if (conn_.dialect() == Dialect::postgresql) {
    conn_.query("SELECT user_id FROM login_attempts WHERE user_id = $1 FOR UPDATE", {user_id});
  }
}

}  // namespace kc::store
