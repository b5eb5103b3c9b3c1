// `kechuang migrate`, `kechuang user …` and `kechuang audit verify`: operator commands.
#include <unistd.h>

#include <iostream>

#include "app/audit_log.hpp"
#include "app/crypto.hpp"
#include "app/user_service.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"
#include "store/migrations.hpp"
#include "store/user_repository.hpp"

namespace kc::cli {
namespace {

// Reads a password from standard input (one line); empty when there is none.
std::string password_from_stdin() {
  if (isatty(STDIN_FILENO)) std::cerr << "Password (leave empty to generate one): " << std::flush;
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void fail_with(const app::Problem& problem) {
  // The code is what scripts and the documentation match on (e.g. password_common).
  std::cerr << "kechuang: " << problem.detail << " [" << problem.code << "]\n";
  for (const auto& e : problem.errors) std::cerr << "  " << e.field << ": " << e.message << "\n";
  throw CLI::RuntimeError(1);
}

}  // namespace

void add_migrate_command(CLI::App& app) {
  auto db_target = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("migrate", "Create or upgrade the database schema");
  add_database_option(*cmd, *db_target);
  cmd->callback([db_target] {
    app::init_crypto();
    auto db = store::Database::open(*db_target, 1);
    const auto applied = store::migrate(*db);
    auto conn = db->acquire();
    std::cout << "Schema version " << store::current_schema_version(*conn) << " (" << applied.size()
              << " migration" << (applied.size() == 1 ? "" : "s") << " applied)\n";
  });
}

void add_user_command(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);

  struct AddOptions {
    std::string db, name, role, display_name;
    std::optional<std::int64_t> enterprise_id;
    bool no_password_change = false;
  };
  auto o = std::make_shared<AddOptions>();
  auto* add = user->add_subcommand(
      "add", "Add a user; the password is read from standard input, or generated and printed once");
  add_database_option(*add, o->db);
  add->add_option("--name", o->name, "Username")->required();
  add->add_option("--role", o->role, "admin, staff, reviewer, enterprise or viewer")->required();
  add->add_option("--display-name", o->display_name, "Name shown in the interface");
  add->add_option("--enterprise-id,--enterprise", o->enterprise_id,
                  "For enterprise users only: the id of their (existing) enterprise record");
  add->add_flag("--no-password-change", o->no_password_change,
                "For automation: a password given on standard input need not be changed at first "
                "sign-in (by default every password set here must be)");
  add->callback([o] {
    auto db = open_migrated(o->db, 1);
    const std::string password = password_from_stdin();
    app::UserService users(*db);
    app::NewUser request{o->name, o->display_name, o->role,
                         password.empty() ? std::nullopt : std::optional<std::string>(password),
                         o->enterprise_id};
    request.must_change_password = !o->no_password_change;
    auto created = users.create(app::Actor::system("cli"), request);
    if (!created) fail_with(created.problem());
    std::cout << "Added user " << created->user.username << " (" << created->user.role << ", id "
              << created->user.id << ")\n";
    if (created->initial_password) {
      std::cout << "Initial password: " << *created->initial_password
                << "\n(shown only this once; it must be changed at first sign-in)\n";
    } else if (created->user.must_change_password) {
      std::cout << "The password must be changed at first sign-in.\n";
    }
  });

  auto reset = std::make_shared<AddOptions>();
  auto* reset_cmd = user->add_subcommand(
      "reset-password", "Give a user a generated password (printed once) and unlock the account");
  add_database_option(*reset_cmd, reset->db);
  reset_cmd->add_option("--name", reset->name, "Username")->required();
  reset_cmd->callback([reset] {
    auto db = open_migrated(reset->db, 1);
    std::optional<store::UserRecord> found;
    {
      auto conn = db->acquire();
      found = store::UserRepository(*conn).find_by_username(reset->name);
    }
    if (!found) fail_with(app::Problem::not_found("No user named " + reset->name + "."));
    auto password = app::UserService(*db).reset_password(app::Actor::system("cli"), found->id);
    if (!password) fail_with(password.problem());
    std::cout << "New password for " << reset->name << ": " << password.value()
              << "\n(shown only this once; it must be changed at first sign-in)\n";
  });
}

void add_audit_command(CLI::App& app) {
  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto db_target = std::make_shared<std::string>();
  auto* verify = audit->add_subcommand(
      "verify", "Check the audit log's hash chain; exit status 1 names the first bad record");
  add_database_option(*verify, *db_target);
  verify->callback([db_target] {
    auto db = open_migrated(*db_target, 1);
    auto conn = db->acquire();
    const auto result = app::verify_audit(*conn);
    if (result.ok) {
      std::cout << "Audit log intact: " << result.records << " records verified.\n";
      return;
    }
    std::cout << "Audit log TAMPERED: record " << *result.first_bad_id << " was " << result.problem
              << " (" << result.records << " records read).\n";
    throw CLI::RuntimeError(1);
  });
}

}  // namespace kc::cli
