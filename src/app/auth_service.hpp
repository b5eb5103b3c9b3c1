// Sign-in, sessions and password changes: lockout after repeated failures, per-address
// throttling, idle and absolute session expiry. All state lives in the database, so any
// server behind the same database sees the same sessions.
#pragma once

#include <string>

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
  AuthService(store::Database& db, SecurityPolicy policy) : db_(db), policy_(policy) {}

  Outcome<SignedIn> login(const std::string& username, const std::string& password,
                          const std::string& ip, const std::string& user_agent);
  Outcome<Authenticated> authenticate(const std::string& session_token);
  void logout(const std::string& session_token);
  Status change_password(const Authenticated& who, const Actor& actor,
                         const std::string& current_password, const std::string& new_password);

  const SecurityPolicy& policy() const { return policy_; }

 private:
  bool ip_throttled(store::Connection& conn, const std::string& ip, std::int64_t now);
  void count_ip_failure(store::Connection& conn, const std::string& ip, std::int64_t now);

  store::Database& db_;
  SecurityPolicy policy_;
};

}  // namespace kc::app
