// The SQLite driver: a file in WAL mode with foreign keys on and a busy timeout.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace kc::store {

std::unique_ptr<Database> make_sqlite_database(const std::string& path, std::size_t max_connections);

}  // namespace kc::store
