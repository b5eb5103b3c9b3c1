// A temporary file for XLSX responses (libxlsxwriter writes to a path), removed when it goes out
// of scope, with a name no other request can guess or share.
#pragma once

#include <filesystem>
#include <string>

namespace kc::http {

class ScratchFile {
 public:
  ScratchFile();
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string read() const;

 private:
  std::filesystem::path path_;
};

}  // namespace kc::http
