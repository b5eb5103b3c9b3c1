// CSV for the app's own log exports (audit and login logs): io::csv_field's RFC 4180 quoting plus
// what a download for spreadsheet users needs: a UTF-8 byte-order mark, CRLF line ends, and
// neutralised formula prefixes (these logs hold text typed by anyone).
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

namespace kc::io {

class CsvOut {
 public:
  explicit CsvOut(std::ostream& out) : out_(out) { out_ << "\xEF\xBB\xBF"; }
  void row(const std::vector<std::string>& cells);

 private:
  std::ostream& out_;
};

}  // namespace kc::io
