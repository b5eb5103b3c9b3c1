#include "app/auth_service.hpp"

#include "app/audit_log.hpp"
#include "app/crypto.hpp"
#include "app/login_log.hpp"
#include "domain/timestamp.hpp"

namespace kc::app {
namespace {

Problem bad_credentials() {
  return {401, "unauthenticated", "Sign-in failed", "Wrong username or password.", {}};
}

// A valid hash to verify against when the user does not exist, so the response time does not
// tell an attacker which usernames exist.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("not-a-real-password-Kc1!");
  return hash;
}

}  // namespace

Actor Authenticated::actor(const std::string& ip, const std::string& user_agent) const {
  Actor a;
  a.user_id = user.id;
  a.username = user.username;
  a.role = parse_role(user.role).value_or(Role::viewer);
  a.ip = ip;
  a.user_agent = user_agent;
  a.enterprise_id = user.enterprise_id;
  return a;
}

bool AuthService::ip_throttled(store::Connection& conn, const std::string& ip, std::int64_t now) {
  auto row = conn.query_one("SELECT window_start, failures FROM login_throttle WHERE ip = $1", {ip});
  return row && now - row->integer(0) < policy_.ip_window_seconds &&
         row->integer(1) >= policy_.ip_max_failures;
}

void AuthService::count_ip_failure(store::Connection& conn, const std::string& ip, std::int64_t now) {
  // One statement for both dialects: start a new window when the old one has passed.
  conn.execute(
      "INSERT INTO login_throttle (ip, window_start, failures) VALUES ($1, $2, 1) "
      "ON CONFLICT (ip) DO UPDATE SET "
      "failures = CASE WHEN login_throttle.window_start < $3 THEN 1 ELSE login_throttle.failures + 1 END, "
      "window_start = CASE WHEN login_throttle.window_start < $3 THEN $2 ELSE login_throttle.window_start END",
      {ip, now, now - policy_.ip_window_seconds});
}

Outcome<SignedIn> AuthService::login(const std::string& username, const std::string& password,
                                     const std::string& ip, const std::string& user_agent) {
  const std::int64_t now = domain::now_epoch_seconds();
  auto conn = db_.acquire();
  store::UserRepository users(*conn);

  auto fail = [&](std::optional<std::int64_t> user_id, const char* reason, Problem problem) {
    store::in_transaction(*conn, [&] {
      record_login(*conn, username, user_id, ip, false, std::string(reason));
      count_ip_failure(*conn, ip, now);
    });
    return problem;
  };

  if (ip_throttled(*conn, ip, now)) {
    store::in_transaction(*conn, [&] { record_login(*conn, username, std::nullopt, ip, false, "throttled"); });
    return Problem{429, "throttled", "Too many attempts",
                   "Too many failed sign-ins from this address; try again later.", {}};
  }
  auto user = users.find_by_username(username);
  if (!user) {
    verify_password(password, dummy_hash());
    return fail(std::nullopt, "unknown_user", bad_credentials());
  }
  if (user->disabled) {
    return fail(user->id, "disabled",
                Problem{403, "disabled", "Account disabled", "This account is disabled.", {}});
  }
  if (user->locked_until && *user->locked_until > now) {
    return fail(user->id, "locked",
                Problem{423, "locked", "Account locked",
                        "Too many failed sign-ins; the account is locked until " +
                            domain::to_iso_utc(*user->locked_until) + ".",
                        {}});
  }
  if (!verify_password(password, user->password_hash)) {
    bool locked_now = false;
    store::in_transaction(*conn, [&] {
      auto fresh = users.find_by_id(user->id);
      fresh->failed_logins += 1;
      if (fresh->failed_logins >= policy_.max_failed_logins) {
        fresh->locked_until = now + policy_.lockout_seconds;
        fresh->failed_logins = 0;
        locked_now = true;
      }
      users.update(*fresh);
      record_login(*conn, username, user->id, ip, false, std::string("bad_password"));
      count_ip_failure(*conn, ip, now);
    });
    if (locked_now) {
      return Problem{423, "locked", "Account locked",
                     "Too many failed sign-ins; the account is locked for " +
                         std::to_string(policy_.lockout_seconds / 60) + " minutes.",
                     {}};
    }
    return bad_credentials();
  }

  SignedIn out;
  out.session_token = random_token();
  out.csrf_token = random_token();
  store::in_transaction(*conn, [&] {
    auto fresh = users.find_by_id(user->id);
    fresh->failed_logins = 0;
    fresh->locked_until.reset();
    fresh->last_login_at = domain::to_iso_utc(now);
    users.update(*fresh);
    users.insert_session({sha256_hex(out.session_token), fresh->id, out.csrf_token, now, now}, ip,
                         user_agent.substr(0, 300));
    record_login(*conn, username, fresh->id, ip, true, std::nullopt);
    out.user = *fresh;
  });
  return out;
}

Outcome<Authenticated> AuthService::authenticate(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 200) return Problem::unauthenticated();
  const std::int64_t now = domain::now_epoch_seconds();
  const std::string token_hash = sha256_hex(session_token);
  auto conn = db_.acquire();
  store::UserRepository users(*conn);
  auto session = users.find_session(token_hash);
  if (!session) return Problem::unauthenticated("Your session has ended; sign in again.");
  if (now - session->created_at >= policy_.session_absolute_seconds ||
      now - session->last_seen >= policy_.session_idle_seconds) {
    users.delete_session(token_hash);
    return Problem::unauthenticated("Your session has expired; sign in again.");
  }
  auto user = users.find_by_id(session->user_id);
  if (!user || user->disabled) {
    users.delete_session(token_hash);
    return Problem::unauthenticated("This account is no longer active.");
  }
  if (now > session->last_seen) users.touch_session(token_hash, now);
  return Authenticated{*user, session->csrf_token, token_hash};
}

void AuthService::logout(const std::string& session_token) {
  auto conn = db_.acquire();
  store::UserRepository(*conn).delete_session(sha256_hex(session_token));
}

Status AuthService::change_password(const Authenticated& who, const Actor& actor,
                                    const std::string& current_password,
                                    const std::string& new_password) {
  std::vector<FieldError> errors;
  if (!verify_password(current_password, who.user.password_hash)) {
    errors.push_back({"current_password", "is not your current password"});
  }
  for (auto& failure : password_policy_failures(new_password)) {
    errors.push_back({"new_password", failure});
  }
  if (errors.empty() && new_password == current_password) {
    errors.push_back({"new_password", "must differ from the current password"});
  }
  if (!errors.empty()) return Problem::validation(std::move(errors));
  const std::string hash = hash_password(new_password);
  auto conn = db_.acquire();
  store::in_transaction(*conn, [&] {
    store::UserRepository users(*conn);
    auto user = users.find_by_id(who.user.id);
    user->password_hash = hash;
    user->must_change_password = false;
    user->updated_at = domain::to_iso_utc(domain::now_epoch_seconds());
    users.update(*user);
    // Other sessions of this user end: whoever knew the old password is signed out.
    conn->execute("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                  {user->id, who.token_hash});
    append_audit(*conn, actor, "user.password_change", "user", std::to_string(user->id), std::nullopt,
                 std::nullopt);
  });
  return done();
}

}  // namespace kc::app
