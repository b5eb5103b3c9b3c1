#include "store/session_repository.hpp"

namespace kc::store {

std::optional<SessionRecord> SessionRepository::find(const std::string& token_hash) {
  auto row = conn_.query_one(
      "SELECT token_hash, user_id, csrf_token, created_at, last_seen FROM sessions WHERE token_hash = $1",
      {token_hash});
  if (!row) return std::nullopt;
  return SessionRecord{row->text(0), row->integer(1), row->text(2), row->integer(3), row->integer(4)};
}

void SessionRepository::touch(const std::string& token_hash, std::int64_t now) {
  conn_.execute("UPDATE sessions SET last_seen = $2 WHERE token_hash = $1", {token_hash, now});
}

void SessionRepository::remove(const std::string& token_hash) {
  conn_.execute("DELETE FROM sessions WHERE token_hash = $1", {token_hash});
}

std::int64_t SessionRepository::remove_all_of(std::int64_t user_id) {
  return conn_.execute("DELETE FROM sessions WHERE user_id = $1", {user_id});
}

std::int64_t SessionRepository::remove_others_of(std::int64_t user_id, const std::string& keep_token_hash) {
  return conn_.execute("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", {user_id, keep_token_hash});
}

std::int64_t SessionRepository::remove_older_than(std::int64_t created_before, std::int64_t seen_before) {
  return conn_.execute("DELETE FROM sessions WHERE created_at < $1 OR last_seen < $2",
                       {created_before, seen_before});
}

}  // namespace kc::store
