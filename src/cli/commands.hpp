// The kechuang subcommands. Each add_*_command registers one subcommand on the root app;
// a command reports failure by throwing CLI::RuntimeError(exit_status) from its callback.
#pragma once

#include <CLI/CLI.hpp>

namespace kc::cli {

void add_serve_command(CLI::App& app);
void add_migrate_command(CLI::App& app);
void add_user_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_index_command(CLI::App& app);
void add_rules_command(CLI::App& app);
void add_assess_command(CLI::App& app);
void add_review_command(CLI::App& app);  // review draw
void add_demo_command(CLI::App& app);
void add_districts_command(CLI::App& app);
void add_indicators_command(CLI::App& app);  // indicators compute|explain|home
void add_registry_file_commands(CLI::App& app);  // import, export, template

}  // namespace kc::cli
