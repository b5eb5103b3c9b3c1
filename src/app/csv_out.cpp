#include "app/csv_out.hpp"

#include "io/csv.hpp"

namespace kc::app {

void CsvOut::row(const std::vector<std::string>& cells) {
  bool first = true;
  for (const std::string& raw : cells) {
    if (!first) out_ << ',';
    first = false;
    std::string cell = raw;
    // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
      cell.insert(cell.begin(), '\'');
    }
    out_ << io::csv_field(cell);
  }
  out_ << "\r\n";
}

}  // namespace kc::app
