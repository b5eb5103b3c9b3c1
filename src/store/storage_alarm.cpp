#include "store/storage_alarm.hpp"

#include <atomic>
#include <ctime>

namespace kc::store {
namespace {

// kind + 1 in the low byte (0: no alarm), the epoch seconds above it.
std::atomic<std::int64_t> alarm{0};

}  // namespace

bool is_storage_kind(DbError::Kind kind) {
  return kind == DbError::Kind::storage_full || kind == DbError::Kind::read_only ||
         kind == DbError::Kind::io_error;
}

void note_storage_failure(DbError::Kind kind) {
  if (!is_storage_kind(kind)) return;
  const std::int64_t code = static_cast<std::int64_t>(kind) + 1;
  std::int64_t current = alarm.load(std::memory_order_relaxed);
  // The first failure's time is kept while the same kind repeats.
  if ((current & 0xff) == code) return;
  alarm.store((static_cast<std::int64_t>(std::time(nullptr)) << 8) | code, std::memory_order_relaxed);
}

void note_storage_ok() {
  if (alarm.load(std::memory_order_relaxed) != 0) alarm.store(0, std::memory_order_relaxed);
}

std::optional<StorageAlarm> storage_alarm() {
  const std::int64_t v = alarm.load(std::memory_order_relaxed);
  if (v == 0) return std::nullopt;
  return StorageAlarm{static_cast<DbError::Kind>((v & 0xff) - 1), v >> 8};
}

std::optional<DbError::Kind> probe_storage(Connection& conn) {
  if (conn.dialect() != Dialect::sqlite) return std::nullopt;
  auto pages = conn.query_one("PRAGMA page_count");
  auto max = conn.query_one("PRAGMA max_page_count");
  auto free = conn.query_one("PRAGMA freelist_count");
  if (!pages || !max || !free) return std::nullopt;
  if (pages->integer(0) >= max->integer(0) && free->integer(0) == 0) return DbError::Kind::storage_full;
  return std::nullopt;
}

}  // namespace kc::store
