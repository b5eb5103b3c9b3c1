// Numbered schema migrations, applied in order, each in its own transaction and recorded in
// schema_migrations. Run at server start and by `kechuang migrate`.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;             // shared by both dialects; {{id}} becomes the identity column
  std::string sqlite_extra;    // dialect-specific statements run after `sql`
  std::string postgres_extra;
};

const std::vector<Migration>& all_migrations();

// Applies every pending migration; returns the versions applied. Safe when several servers
// start at once: PostgreSQL serialises on an advisory lock, SQLite on its write lock.
std::vector<int> migrate(Database& db);

int current_schema_version(Connection& conn);

// Creates or brings up to date the sign-in companion of a SQLite database (Database::sign_in());
// `migrate` calls it last. Does nothing when there is none (PostgreSQL).
void migrate_companion(Database& db);

}  // namespace kc::store
