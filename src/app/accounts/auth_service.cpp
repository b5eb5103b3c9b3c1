#include "app/accounts/auth_service.hpp"

#include <chrono>

#include "app/accounts/login_log.hpp"
#include "app/accounts/password_rules.hpp"
#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "crypto/crypto.hpp"
#include "domain/field_messages.hpp"
#include "domain/timestamp.hpp"
#include "store/login_throttle_repository.hpp"
#include "store/session_repository.hpp"
#include "store/sign_in_repository.hpp"

namespace kc::app {
namespace {

// The one answer for every failed sign-in that must not tell whether the account exists, is
// locked or is disabled.
Problem bad_credentials() {
  return {401, "unauthenticated", "Sign-in failed",
          "Wrong username or password, or the account is locked after repeated failed sign-ins; "
          "try again later or ask an administrator.",
          {}};
}

// A valid hash to verify against when no password is checked (unknown user, locked account), so
// the response time does not tell an attacker which usernames exist or are locked.
const std::string& dummy_hash() {
  static const std::string hash = crypto::hash_password("not-a-real-password-Kc1!");
  return hash;
}

std::int64_t now_microseconds() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A stored region scope that is not a region code (written past the API, or by an older version)
// must not read as "no scope", which is the whole installation: such an account is refused.
bool region_unreadable(const store::UserRecord& user) {
  return user.region_code && !domain::RegionCode::parse(*user.region_code);
}

Problem region_refused(const store::UserRecord& user) {
  return said(403, "forbidden", "Invalid region scope",
              {msg::account_region_invalid, {{"region", *user.region_code}}});
}

// Whole minutes, rounded up: what a person waits.
std::int64_t minutes(std::int64_t seconds) { return (seconds + 59) / 60; }

}  // namespace

Actor Authenticated::actor(const std::string& ip, const std::string& user_agent) const {
  Actor a;
  a.user_id = user.id;
  a.username = user.username;
  a.role = parse_role(user.role).value_or(Role::viewer);
  a.ip = ip;
  a.user_agent = user_agent;
  a.enterprise_id = user.enterprise_id;
  // authenticate() refused unreadable codes, so a stored code always yields a scope here.
  if (user.region_code) {
    if (auto region = domain::RegionCode::parse(*user.region_code)) a.region = region.value();
  }
  return a;
}

std::optional<std::int64_t> AuthService::ip_throttled(store::Connection& conn, const std::string& ip,
                                                      std::int64_t now) {
  auto window = store::LoginThrottleRepository(conn).find(ip);
  if (window && now - window->window_start < policy_.ip_window_seconds &&
      window->failures >= policy_.ip_max_failures) {
    return window->window_start + policy_.ip_window_seconds - now;
  }
  return std::nullopt;
}

void AuthService::count_ip_failure(store::Connection& conn, const std::string& ip, std::int64_t now) {
  // A window that began more than ip_window_seconds ago is over: this failure starts a new one.
  store::LoginThrottleRepository(conn).count_failure(ip, now, now - policy_.ip_window_seconds);
}

Outcome<SignedIn> AuthService::login(const std::string& username, const std::string& password,
                                     const std::string& ip, const std::string& user_agent,
                                     std::optional<std::int64_t>* retry_after) {
  const std::int64_t now = domain::now_epoch_seconds();
  // Sign-in reads the accounts from the main database and writes only the sign-in store; the
  // two leases are never held together.
  store::Database& sign_in = db_.sign_in();

  auto fail = [&](std::optional<std::int64_t> user_id, const char* reason) {
    auto conn = sign_in.acquire();
    store::in_transaction(*conn, [&] {
      record_login(*conn, username, user_id, ip, false, std::string(reason));
      count_ip_failure(*conn, ip, now);
    });
    return bad_credentials();
  };

  {
    auto conn = sign_in.acquire();
    if (auto wait = ip_throttled(*conn, ip, now)) {
      store::in_transaction(*conn, [&] { record_login(*conn, username, std::nullopt, ip, false, "throttled"); });
      if (retry_after) *retry_after = *wait;
      return said(429, "throttled", "Too many attempts", {msg::sign_in_throttled, {{"minutes", minutes(*wait)}}});
    }
  }
  std::optional<store::UserRecord> user;
  {
    auto conn = db_.acquire();
    user = store::UserRepository(*conn).find_by_username(username);
  }
  if (!user) {
    crypto::verify_password(password, dummy_hash());
    return fail(std::nullopt, "unknown_user");
  }
  // The right to check this password is claimed first, atomically: concurrent attempts never
  // check more than max_failed_logins passwords before the lock.
  store::AttemptClaim claim;
  {
    auto conn = sign_in.acquire();
    claim = store::SignInRepository(*conn).claim_attempt(user->id, now, policy_.max_failed_logins,
                                                         now + policy_.lockout_seconds);
  }
  if (!claim.granted) {
    crypto::verify_password(password, dummy_hash());
    return fail(user->id, "locked");
  }
  if (!crypto::verify_password(password, user->password_hash)) return fail(user->id, "bad_password");
  if (user->disabled) {
    auto conn = sign_in.acquire();
    store::in_transaction(*conn, [&] { record_login(*conn, username, user->id, ip, false, "disabled"); });
    return said(403, "disabled", "Account disabled", {msg::account_disabled});
  }
  if (region_unreadable(*user)) {
    auto conn = sign_in.acquire();
    store::in_transaction(*conn, [&] { record_login(*conn, username, user->id, ip, false, "region_invalid"); });
    return region_refused(*user);
  }

  SignedIn out;
  out.session_token = crypto::random_token();
  out.csrf_token = crypto::random_token();
  const std::string login_at = domain::to_iso_utc(now);
  const std::string token_hash = crypto::sha256_hex(out.session_token);
  auto conn = sign_in.acquire();
  store::in_transaction(*conn, [&] {
    store::SignInRepository attempts(*conn);
    attempts.lock_row(user->id);  // serialises the session cap of concurrent sign-ins
    attempts.succeeded(user->id, login_at);
    attempts.insert_session(token_hash, user->id, out.csrf_token, now, now_microseconds(), ip,
                            user_agent.substr(0, 300));
    attempts.trim_sessions(user->id, token_hash, policy_.max_sessions_per_user);
    record_login(*conn, username, user->id, ip, true, std::nullopt);
  });
  out.user = *user;
  out.user.failed_logins = 0;
  out.user.locked_until.reset();
  out.user.last_login_at = login_at;
  return out;
}

Outcome<Authenticated> AuthService::authenticate(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 200) return Problem::unauthenticated();
  const std::int64_t now = domain::now_epoch_seconds();
  const std::string token_hash = crypto::sha256_hex(session_token);
  store::Database& sign_in = db_.sign_in();
  std::optional<store::SessionRecord> session;
  {
    auto conn = sign_in.acquire();
    store::SessionRepository sessions(*conn);
    session = sessions.find(token_hash);
    if (!session) return Problem::unauthenticated({msg::session_ended});
    if (now - session->created_at >= policy_.session_absolute_seconds ||
        now - session->last_seen >= policy_.session_idle_seconds) {
      sessions.remove(token_hash);
      return Problem::unauthenticated({msg::session_expired});
    }
  }
  std::optional<store::UserRecord> user;
  {
    auto conn = db_.acquire();
    user = store::UserRepository(*conn).find_by_id(session->user_id);
  }
  auto conn = sign_in.acquire();
  store::SessionRepository sessions(*conn);
  if (!user || user->disabled) {
    sessions.remove(token_hash);
    return Problem::unauthenticated({msg::account_inactive});
  }
  if (region_unreadable(*user)) return region_refused(*user);
  if (now > session->last_seen) sessions.touch(token_hash, now);
  return Authenticated{*user, session->csrf_token, token_hash};
}

void AuthService::logout(const std::string& session_token) {
  auto conn = db_.sign_in().acquire();
  store::SessionRepository(*conn).remove(crypto::sha256_hex(session_token));
}

Status AuthService::change_password(const Authenticated& who, const Actor& actor,
                                    const std::string& current_password,
                                    const std::string& new_password,
                                    std::optional<std::int64_t>* retry_after) {
  const std::int64_t now = domain::now_epoch_seconds();
  store::Database& sign_in = db_.sign_in();
  auto log = [&](bool success, const char* reason) {
    auto conn = sign_in.acquire();
    record_login(*conn, who.user.username, who.user.id, actor.ip, success, std::string(reason));
  };
  store::AttemptClaim claim;
  {
    auto conn = sign_in.acquire();
    claim = store::SignInRepository(*conn).claim_attempt(who.user.id, now, policy_.max_failed_logins,
                                                         now + policy_.lockout_seconds);
  }
  if (!claim.granted) {
    log(false, "password_change_locked");
    const std::int64_t until = claim.locked_until.value_or(now + policy_.lockout_seconds);
    if (retry_after) *retry_after = std::max<std::int64_t>(1, until - now);
    return said(423, "locked", "Account locked",
                {msg::account_locked, {{"until", domain::to_iso_utc(until)}, {"minutes", minutes(until - now)}}});
  }
  std::vector<FieldError> errors;
  if (!crypto::verify_password(current_password, who.user.password_hash)) {
    log(false, "password_change_bad_password");
    return Problem::validation({field_error("current_password", domain::fmsg::account_wrong_password)});
  }
  {
    auto conn = sign_in.acquire();
    store::SignInRepository(*conn).succeeded(who.user.id, std::nullopt);
  }
  for (auto& failure : crypto::password_policy_failures(new_password)) {
    errors.push_back({"new_password", failure});
  }
  if (errors.empty() && new_password == current_password) {
    errors.push_back(field_error("new_password", domain::fmsg::account_same_password));
  }
  if (!errors.empty()) return Problem::validation(std::move(errors));
  // Common passwords (with digits or symbols appended) and the user's own name: the rules an
  // administrator's choice follows too.
  if (auto p = password_problem(new_password, who.user.username, who.user.display_name, "new_password")) {
    return *p;
  }
  const std::string hash = crypto::hash_password(new_password);
  {
    auto conn = db_.acquire();
    store::in_transaction(*conn, [&] {
      store::UserRepository users(*conn);
      auto user = users.find_by_id(who.user.id);
      user->password_hash = hash;
      user->must_change_password = false;
      user->updated_at = domain::to_iso_utc(domain::now_epoch_seconds());
      users.update(*user);
      append_audit(*conn, actor, "user.password_change", "user", std::to_string(user->id), std::nullopt,
                   std::nullopt);
    });
  }
  // Other sessions of this user end: whoever knew the old password is signed out.
  auto conn = sign_in.acquire();
  store::in_transaction(*conn, [&] {
    store::SessionRepository(*conn).remove_others_of(who.user.id, who.token_hash);
    record_login(*conn, who.user.username, who.user.id, actor.ip, true, std::string("password_change"));
  });
  return done();
}

std::int64_t end_sessions_of(store::Database& db, std::int64_t user_id) {
  auto conn = db.sign_in().acquire();
  return store::SessionRepository(*conn).remove_all_of(user_id);
}

void clear_failed_logins(store::Database& db, std::int64_t user_id) {
  auto conn = db.sign_in().acquire();
  store::SignInRepository(*conn).clear(user_id);
}

void add_sign_in_state(store::Database& db, std::vector<store::UserRecord>& users) {
  std::vector<std::int64_t> ids;
  for (const auto& u : users) ids.push_back(u.id);
  auto conn = db.sign_in().acquire();
  const auto states = store::SignInRepository(*conn).find_many(ids);
  for (auto& u : users) {
    auto it = states.find(u.id);
    if (it == states.end()) continue;
    u.failed_logins = it->second.failed;
    u.locked_until = it->second.locked_until;
    if (it->second.last_login_at) u.last_login_at = it->second.last_login_at;
  }
}

}  // namespace kc::app
