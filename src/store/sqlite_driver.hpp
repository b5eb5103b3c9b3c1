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
  // Prepared statements kept per connection, least recently used dropped first. SQL text is built
  // from filters, sorts and batch sizes, so the set of texts is open-ended; a bound keeps a
  // long-lived connection's memory flat while the hot statements stay prepared.
  std::size_t statement_cache = 256;
};

// The statement cache of a SQLite connection, for tests and diagnostics.
struct SqliteStatementStats {
  std::size_t cached = 0;    // statements held now (≤ SqliteOptions::statement_cache)
  std::size_t prepared = 0;  // statements prepared since the connection opened (each miss)
};
// Throws std::invalid_argument when `conn` is not a SQLite connection.
SqliteStatementStats sqlite_statement_stats(const Connection& conn);

std::unique_ptr<Database> make_sqlite_database(const std::string& path, std::size_t max_connections,
                                               SqliteOptions options = {});

// The DbError kind of a SQLite (extended) result code: constraint kinds, busy → unavailable,
// SQLITE_FULL → storage_full, SQLITE_READONLY → read_only, SQLITE_IOERR → io_error.
DbError::Kind sqlite_error_kind(int extended_code);

}  // namespace kc::store
