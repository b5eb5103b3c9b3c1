// The audit log's secret files (its HMAC keyring and the anchors' signing key) live outside the
// database, readable by their owner only. This is how they are read, created and replaced.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/outcome.hpp"

namespace kc::app {

// A problem with the audit key or its files; the CLI prints the detail and exits.
Problem audit_key_problem(std::string code, std::string detail);

// The file's contents; refused when group or others may read or write it (mode & 077), when it is
// not a regular file, or when it cannot be read. `what` names the file in messages.
Outcome<std::string> read_secret_file(const std::string& path, std::string_view what);
// Creates the file with mode 0600 holding `contents`, unless it exists (then it is left alone and
// the answer is false). Atomic: another process never sees it half written, and of two racing
// creators one wins and the other reads the winner's file.
Outcome<bool> create_secret_file(const std::string& path, std::string_view contents, std::string_view what);
// Replaces the file's contents atomically (a 0600 temporary file renamed over it).
Status replace_secret_file(const std::string& path, std::string_view contents, std::string_view what);

// Identifies one version of a file, to notice that it was replaced or changed.
struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> file_stamp(const std::string& path);

}  // namespace kc::app
