#include "cli/database_option.hpp"

#include <cstdlib>

#include "app/crypto.hpp"
#include "store/migrations.hpp"

namespace kc::cli {

void add_database_option(CLI::App& command, std::string& target) {
  const char* env = std::getenv("KECHUANG_DB");
  target = env && *env ? env : "kechuang.db";
  command.add_option("--db", target, "SQLite file or postgresql:// URI (default $KECHUANG_DB or kechuang.db)")
      ->capture_default_str();
}

std::unique_ptr<store::Database> open_migrated(const std::string& target, std::size_t connections) {
  app::init_crypto();
  auto db = store::Database::open(target, connections);
  store::migrate(*db);
  return db;
}

}  // namespace kc::cli
