// The options every database command shares: --db (a SQLite file path or a postgresql:// URI)
// and --audit-key-file (the keyring of the audit chain's HMAC).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "app/audit/audit_keys.hpp"
#include "store/database.hpp"

namespace kc::cli {

// Adds --db to `command`, defaulting to $KECHUANG_DB or "kechuang.db", and --audit-key-file.
void add_database_option(CLI::App& command, std::string& target);
// Opens the database, applies pending migrations and installs the audit keyring (created beside a
// SQLite database when missing). A keyring that cannot be used ends the command (exit status 2).
// `applied`, when given, receives the migrations applied.
std::unique_ptr<store::Database> open_migrated(const std::string& target, std::size_t connections = 4,
                                               std::vector<int>* applied = nullptr);
// Where this command's audit keys come from (--audit-key-file, the environment, the default).
app::Outcome<app::AuditKeySource> audit_key_source(const std::string& target, bool postgres);
// Prints the problem and ends the command with `status`.
[[noreturn]] void exit_with(const app::Problem& problem, int status);

}  // namespace kc::cli
