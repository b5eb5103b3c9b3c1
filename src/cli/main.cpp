// kechuang: one program, many commands; `kechuang serve` is the web server.
#include <exception>
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Kechuang (科创): the regional innovation platform of a district S&T bureau"};
  app.set_version_flag("--version", KC_VERSION);
  app.require_subcommand(1);
  kc::cli::add_serve_command(app);
  kc::cli::add_migrate_command(app);
  kc::cli::add_user_command(app);
  kc::cli::add_audit_command(app);
  kc::cli::add_index_command(app);
  kc::cli::add_rules_command(app);
  kc::cli::add_assess_command(app);
  kc::cli::add_review_command(app);
  kc::cli::add_demo_command(app);
  kc::cli::add_districts_command(app);
  kc::cli::add_indicators_command(app);
  kc::cli::add_registry_file_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    // Exceptions are bugs or unreachable resources; report them plainly at the edge.
    std::cerr << "kechuang: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
