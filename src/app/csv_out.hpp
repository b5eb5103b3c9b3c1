// Minimal CSV writer for the app's own exports (audit and login logs): RFC 4180 quoting, a UTF-8
// byte-order mark so spreadsheet programs read Chinese text, and neutralised formula prefixes.
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

namespace kc::app {

class CsvOut {
 public:
  explicit CsvOut(std::ostream& out) : out_(out) { out_ << "\xEF\xBB\xBF"; }
  void row(const std::vector<std::string>& cells);

 private:
  std::ostream& out_;
};

}  // namespace kc::app
