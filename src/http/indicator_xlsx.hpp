// The indicators' tables as XLSX sheets, headed in the chosen language: the values of a region and
// year, and the records behind one value. The API's downloads and the CLI's --format xlsx write
// the same sheets.
#pragma once

#include <vector>

#include "app/indicators/indicator_service.hpp"
#include "io/xlsx_writer.hpp"

namespace kc::http {

struct XlsxSheet {
  std::vector<io::XlsxColumn> columns;
  std::vector<std::vector<io::XlsxCell>> rows;
};

XlsxSheet indicator_values_sheet(const app::IndicatorValues& values, bool english);
XlsxSheet indicator_explanation_sheet(const app::IndicatorExplanation& e, bool english);

}  // namespace kc::http
