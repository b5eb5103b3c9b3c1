// Placeholder registration until the demo district generator lands; replaced by its real command.
#include "cli/commands.hpp"

namespace kc::cli {

void add_demo_command(CLI::App& app) { app.add_subcommand("demo", "(not yet available)"); }

}  // namespace kc::cli
