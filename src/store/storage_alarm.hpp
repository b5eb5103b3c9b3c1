// The last failure of the storage itself (full, read-only, I/O error) that this process met, kept
// until a later write succeeds, so that /health can say the database is degraded and why: a full
// disk does not stop `SELECT 1`, only writes. Process-wide: every Database of the process shares
// the disk it reports on.
#pragma once

#include <cstdint>
#include <optional>

#include "store/database.hpp"

namespace kc::store {

struct StorageAlarm {
  DbError::Kind kind = DbError::Kind::storage_full;  // storage_full, read_only or io_error
  std::int64_t since = 0;                            // epoch seconds of the first failure
};

// Drivers call these: a storage failure raises the alarm, a committed write clears it.
void note_storage_failure(DbError::Kind kind);
void note_storage_ok();
std::optional<StorageAlarm> storage_alarm();
// What can be seen without writing: on SQLite, whether the file has reached its page quota
// (PRAGMA max_page_count) with no free page left. Nothing on PostgreSQL.
std::optional<DbError::Kind> probe_storage(Connection& conn);
// Whether `kind` is one of the storage kinds the alarm tracks.
bool is_storage_kind(DbError::Kind kind);

}  // namespace kc::store
