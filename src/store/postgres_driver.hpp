// The PostgreSQL driver over libpq, for production and for many servers on one database.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace kc::store {

std::unique_ptr<Database> make_postgres_database(const std::string& uri, std::size_t max_connections);
// The URI with any password replaced by "***", safe to log.
std::string redact_postgres_uri(const std::string& uri);

}  // namespace kc::store
