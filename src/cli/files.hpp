// Whole-file reads and atomic writes for the commands that are an engine's contract over files
// (`rules evaluate`, `assess`, `review draw`): an output file is either absent, the old one or complete.
#pragma once

#include <string>

namespace kc::cli {

// The whole file at `path` into `out`; on failure false and a sentence in `error`.
bool read_all(const std::string& path, std::string& out, std::string& error);

// Writes to a temporary file beside `path` and renames it into place, so readers see either the
// old file or the complete new one.
bool write_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace kc::cli
