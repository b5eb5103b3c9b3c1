// Rows of the sessions table, which lives in the sign-in store (`Database::sign_in()`). Sessions
// are created, and capped per account, with the account's lockout state in
// store/sign_in_repository.hpp; this is how they are found, kept alive and ended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kc::store {

struct SessionRecord {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // epoch seconds
  std::int64_t last_seen = 0;   // epoch seconds
};

class SessionRepository {
 public:
  explicit SessionRepository(Connection& conn) : conn_(conn) {}

  std::optional<SessionRecord> find(const std::string& token_hash);
  void touch(const std::string& token_hash, std::int64_t now);
  void remove(const std::string& token_hash);
  // Returns how many sessions ended.
  std::int64_t remove_all_of(std::int64_t user_id);
  std::int64_t remove_others_of(std::int64_t user_id, const std::string& keep_token_hash);
  std::int64_t remove_older_than(std::int64_t created_before, std::int64_t seen_before);

 private:
  Connection& conn_;
};

}  // namespace kc::store
