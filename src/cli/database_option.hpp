// The --db option every command shares: a SQLite file path or a postgresql:// URI.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/database.hpp"

namespace kc::cli {

// Adds --db to `command`, defaulting to $KECHUANG_DB or "kechuang.db".
void add_database_option(CLI::App& command, std::string& target);
// Opens the database and applies pending migrations.
std::unique_ptr<store::Database> open_migrated(const std::string& target, std::size_t connections = 4);

}  // namespace kc::cli
