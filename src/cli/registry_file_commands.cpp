// Placeholder registration until registry import/export lands.
#include "cli/commands.hpp"

namespace kc::cli {

void add_registry_file_commands(CLI::App&) {}

}  // namespace kc::cli
