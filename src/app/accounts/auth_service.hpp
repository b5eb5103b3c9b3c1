// Sign-in, sessions and password changes: lockout after repeated failures, per-address
// throttling, idle and absolute session expiry, a cap on sessions per account. All state lives in
// the database's sign-in store (store::Database::sign_in: a companion file on SQLite, the main
// database on PostgreSQL), so any server behind the same database sees the same sessions, and
// signing in never waits for the main SQLite file's write lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/security_policy.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace kc::app {

struct SignedIn {
  store::UserRecord user;
  std::string session_token;  // goes into the cookie only; the database keeps its hash
  std::string csrf_token;
};

struct Authenticated {
  store::UserRecord user;
  std::string csrf_token;
  std::string token_hash;
  Actor actor(const std::string& ip, const std::string& user_agent) const;
};

class AuthService {
 public:
  AuthService(store::Database& db, SecurityPolicy policy) : db_(db), policy_(std::move(policy)) {}

  // Unknown user, wrong password, locked account (whatever the password: a locked account's
  // password is never checked) and disabled account with a wrong password all get the same
  // answer; only a disabled account with the right password is told it is disabled.
  // `retry_after` (seconds) is set for the 429 of a throttled address.
  Outcome<SignedIn> login(const std::string& username, const std::string& password,
                          const std::string& ip, const std::string& user_agent,
                          std::optional<std::int64_t>* retry_after = nullptr);
  Outcome<Authenticated> authenticate(const std::string& session_token);
  void logout(const std::string& session_token);
  // A wrong current password counts as a failed sign-in of the account (the same counter and
  // lock); while the account is locked nothing is checked and the answer is 423 with
  // `retry_after` set. Every attempt is in the login log, the change in the audit log. The new
  // password follows app/accounts/password_rules.hpp (not common, not the user's own name).
  Status change_password(const Authenticated& who, const Actor& actor,
                         const std::string& current_password, const std::string& new_password,
                         std::optional<std::int64_t>* retry_after = nullptr);

  const SecurityPolicy& policy() const { return policy_; }

 private:
  std::optional<std::int64_t> ip_throttled(store::Connection& conn, const std::string& ip, std::int64_t now);
  void count_ip_failure(store::Connection& conn, const std::string& ip, std::int64_t now);

  store::Database& db_;
  SecurityPolicy policy_;
};

// Sign-in state for the user service, kept in the sign-in store.
std::int64_t end_sessions_of(store::Database& db, std::int64_t user_id);
void clear_failed_logins(store::Database& db, std::int64_t user_id);
// Fills each account's lock and last sign-in from the sign-in store.
void add_sign_in_state(store::Database& db, std::vector<store::UserRecord>& users);

}  // namespace kc::app
