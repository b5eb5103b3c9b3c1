// Connection settings for a bulk write (a registry import) and the read transaction of its dry
// run: the dialect-specific statements an import needs, kept out of app/.
#pragma once

#include "store/database.hpp"

namespace kc::store {

// Starts a transaction that only reads: one consistent view for many lookups (a dry run checks
// every row against the stored keys without a transaction per lookup).
void begin_read(Connection& conn);

// For the scope of a bulk write, outside its transaction. On SQLite a multi-row INSERT that may
// fail halfway (an immediate foreign key) keeps a statement journal with the old content of every
// page it touches; by default that spills to a temporary file past 64 KiB — for a million-row
// import, half a million small writes. In memory (temp_store, which must be set outside a
// transaction) it costs a copy per page, freed after each statement. The default comes back at
// the end: the connection is pooled. Nothing on PostgreSQL.
class BulkWriteSettings {
 public:
  explicit BulkWriteSettings(Connection& conn);
  ~BulkWriteSettings();
  BulkWriteSettings(const BulkWriteSettings&) = delete;
  BulkWriteSettings& operator=(const BulkWriteSettings&) = delete;

 private:
  Connection& conn_;
};

// Inside a write transaction: wait for row locks other writers hold however long they take (a
// web writer gives up after its own lock timeout and is told about the import instead). On
// PostgreSQL `SET LOCAL lock_timeout = 0`; SQLite's import holds the file's write lock already.
void wait_for_row_locks(Connection& conn);

// Refreshes the planner's statistics of one table after a large write. On SQLite a sample of
// each index suffices (analysis_limit): a full ANALYZE of millions of rows would add a noticeable
// part of an import's time.
void refresh_statistics(Connection& conn, const std::string& table);

}  // namespace kc::store
