// The one place a store::DbError that no use case handled becomes a response: a full disk, a
// read-only database, an import holding the write lock and an unreachable database each get
// their own problem; everything else is a logged 500.
#pragma once

#include "app/outcome.hpp"
#include "http/types.hpp"
#include "store/database.hpp"

namespace kc::http {

// Seconds a client is told to wait (Retry-After) when an import holds the write lock.
inline constexpr int kImportRetryAfterSeconds = 15;

app::Problem db_error_problem(const store::DbError& error);
Response db_error_response(unsigned http_version, const store::DbError& error);

}  // namespace kc::http
