// Whole-file reading and atomic writing for the commands that are an engine's contract over files
// (nothing half-written: readers see the old file or the complete new one).
#pragma once

#include <string>

namespace kc::cli {

// False with `error` set ("cannot read PATH: reason") when the file cannot be read.
bool read_text_file(const std::string& path, std::string& out, std::string& error);

// Writes beside the target and renames into place; false with `error` set on failure.
bool write_text_file_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace kc::cli
