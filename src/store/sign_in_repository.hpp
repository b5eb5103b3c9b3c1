// Rows of the login_attempts table (the failure counter, lockout and last sign-in of each account)
// and the session cap. They live in the sign-in store (`Database::sign_in()`): on SQLite a
// companion file beside the main one, on PostgreSQL the main database.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

struct SignInState {
  int failed = 0;
  std::optional<std::int64_t> locked_until;  // epoch seconds
  std::optional<std::string> last_login_at;  // ISO-8601 UTC
};

// The outcome of claiming the right to check one password.
struct AttemptClaim {
  bool granted = false;                      // false: the account is locked, check nothing
  bool locks_now = false;                    // this claim used the last allowed attempt
  std::optional<std::int64_t> locked_until;  // when refused or when this claim locked
};

class SignInRepository {
 public:
  explicit SignInRepository(Connection& conn) : conn_(conn) {}

  // Counts one password check against the account before it is made, in one conditional UPDATE,
  // so that concurrent attempts never check more than `max_failed` passwords before the lock:
  // the claim that reaches `max_failed` sets `locked_until = lock_until` and restarts the count;
  // while the lock lasts every claim is refused. A successful check then calls `succeeded`.
  AttemptClaim claim_attempt(std::int64_t user_id, std::int64_t now, int max_failed, std::int64_t lock_until);
  void succeeded(std::int64_t user_id, const std::optional<std::string>& login_at);
  void clear(std::int64_t user_id);  // an administrator's reset: no failures, no lock
  std::optional<SignInState> find(std::int64_t user_id);
  std::map<std::int64_t, SignInState> find_many(const std::vector<std::int64_t>& user_ids);
  // A new session; `started_us` (microseconds) orders sessions for the cap.
  void insert_session(const std::string& token_hash, std::int64_t user_id, const std::string& csrf_token,
                      std::int64_t now, std::int64_t started_us, const std::string& ip,
                      const std::string& user_agent);
  // Ends the oldest sessions of the user beyond `max_sessions`, never `keep_token_hash`.
  std::int64_t trim_sessions(std::int64_t user_id, const std::string& keep_token_hash, int max_sessions);
  // PostgreSQL: locks the account's row until the transaction ends (SQLite's write lock does it).
  void lock_row(std::int64_t user_id);

 private:
  void ensure_row(std::int64_t user_id);
  Connection& conn_;
};

}  // namespace kc::store
