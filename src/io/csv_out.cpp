#include "io/csv_out.hpp"

#include "io/csv.hpp"
#include "io/spreadsheet_text.hpp"

namespace kc::io {

void CsvOut::row(const std::vector<std::string>& cells) {
  bool first = true;
  for (const std::string& raw : cells) {
    if (!first) out_ << ',';
    first = false;
    out_ << io::csv_field(io::neutralise_formula(raw));
  }
  out_ << "\r\n";
}

}  // namespace kc::io
