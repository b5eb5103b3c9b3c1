// --audit-anchor-file and --audit-anchor-key-file, shared by `audit anchor`, `audit verify` and
// `serve` (which anchors on a timer).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/audit/audit_anchor.hpp"

namespace kc::cli {

struct AnchorOptions {
  std::string anchor_file;
  std::string key_file;
};

void add_anchor_options(CLI::App& command, AnchorOptions& options);
// The files, from the options, else the environment, else beside a SQLite database.
// `verify --anchor FILE --anchor-public-key HEX` needs neither option, hence the `need_` flags.
app::Outcome<app::AnchorPaths> anchor_paths(const AnchorOptions& options, const std::string& db_target, bool postgres,
                                            bool need_anchor_file = true, bool need_key_file = true);

}  // namespace kc::cli
