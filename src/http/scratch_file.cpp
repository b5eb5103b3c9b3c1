#include "http/scratch_file.hpp"

#include <fstream>
#include <sstream>

#include "crypto/crypto.hpp"

namespace kc::http {

ScratchFile::ScratchFile()
    : path_(std::filesystem::temp_directory_path() / ("kechuang-" + crypto::random_token(12) + ".xlsx")) {}

ScratchFile::~ScratchFile() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

std::string ScratchFile::read() const {
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace kc::http
