// The PostgreSQL driver over libpq, for production and for many servers on one database.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kc::store {

std::unique_ptr<Database> make_postgres_database(const std::string& uri, std::size_t max_connections);
// The DbError kind of a PostgreSQL SQLSTATE: 23505/23503 constraints, class 08 unavailable,
// 53100 disk_full → storage_full, other 53xxx (out of memory, too many connections) →
// unavailable, 25006 read-only transaction → read_only, 58030 I/O error → io_error,
// 55P03 lock_not_available → unavailable (the driver then asks import_runs who holds the lock).
DbError::Kind postgres_error_kind(std::string_view sqlstate);
// How long a statement waits for a lock before it gives up and says why (SET lock_timeout).
inline constexpr int kPostgresLockTimeoutMs = 5000;
// The URI with any password replaced by "***", safe to log.
std::string redact_postgres_uri(const std::string& uri);

}  // namespace kc::store
