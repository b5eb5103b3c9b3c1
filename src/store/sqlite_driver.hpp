// The SQLite driver: a file in WAL mode with foreign keys on and a busy timeout.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/database.hpp"

namespace kc::store {

struct SqliteOptions {
  // A writer that meets the write lock looks in the companion file (store/import_lock.hpp) and,
  // when a live import holds the lock, fails at once with DbError::Kind::import_in_progress
  // instead of waiting out the 10 s busy timeout. Off for the companion file itself.
  bool watch_imports = true;
  // PRAGMA max_page_count on every connection: the file may not grow past this many pages, and a
  // write that needs more fails as on a full disk (SQLITE_FULL). 0: no limit, unless the
  // environment variable KECHUANG_SQLITE_MAX_PAGES sets one (an operator's size quota).
  std::int64_t max_pages = 0;
};

std::unique_ptr<Database> make_sqlite_database(const std::string& path, std::size_t max_connections,
                                               SqliteOptions options = {});

// The DbError kind of a SQLite (extended) result code: constraint kinds, busy → unavailable,
// SQLITE_FULL → storage_full, SQLITE_READONLY → read_only, SQLITE_IOERR → io_error.
DbError::Kind sqlite_error_kind(int extended_code);

}  // namespace kc::store
