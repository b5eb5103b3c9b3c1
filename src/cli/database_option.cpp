#include "cli/database_option.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "app/audit/audit_log.hpp"
#include "crypto/crypto.hpp"
#include "store/migrations.hpp"

namespace kc::cli {
namespace {

// One command runs per process, so the --audit-key-file of whichever was chosen lands here.
std::string& audit_key_file_option() {
  static std::string path;
  return path;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

void add_database_option(CLI::App& command, std::string& target) {
  const std::string from_env = env("KECHUANG_DB");
  target = from_env.empty() ? "kechuang.db" : from_env;
  command.add_option("--db", target, "SQLite file or postgresql:// URI (default $KECHUANG_DB or kechuang.db)")
      ->capture_default_str();
  command.add_option("--audit-key-file", audit_key_file_option(),
                     "Keyring of the audit chain (default $KECHUANG_AUDIT_KEY, $KECHUANG_AUDIT_KEY_FILE, "
                     "or <db>.audit-key for SQLite)");
}

app::Outcome<app::AuditKeySource> audit_key_source(const std::string& target, bool postgres) {
  return app::choose_audit_key_source(
      {audit_key_file_option(), env("KECHUANG_AUDIT_KEY"), env("KECHUANG_AUDIT_KEY_FILE"), target, postgres});
}

void exit_with(const app::Problem& problem, int status) {
  std::cerr << "kechuang: " << problem.detail << "\n";
  for (const auto& e : problem.errors) std::cerr << "  " << e.field << ": " << e.message << "\n";
  throw CLI::RuntimeError(status);
}

std::unique_ptr<store::Database> open_migrated(const std::string& target, std::size_t connections,
                                               std::vector<int>* applied_out) {
  crypto::init_crypto();
  auto db = store::Database::open(target, connections);
  // The key is found before migrating, so a command without one changes nothing.
  auto source = audit_key_source(target, db->dialect() == store::Dialect::postgresql);
  if (!source) exit_with(source.problem(), 2);
  const auto applied = store::migrate(*db);
  if (auto installed = app::install_audit_keys(source.value()); !installed) exit_with(installed.problem(), 2);
  // Only the process that keyed the chain may seal its unkeyed past (app/audit/audit_log.hpp).
  if (std::find(applied.begin(), applied.end(), 7) != applied.end()) {
    auto conn = db->acquire();
    app::seal_legacy_audit(*conn);
  }
  if (applied_out) *applied_out = applied;
  return db;
}

}  // namespace kc::cli
