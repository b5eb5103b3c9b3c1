// How a registry file's cells map onto a kind: the field a header names, and Excel's serial dates.
// (Reading the file itself is app/registry_import_source.*.)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/registry_kind.hpp"

namespace kc::app {

// The field a header cell names: its name, Chinese label or English label (case and spaces ignored
// for the English ones); nullptr when none.
const domain::FieldDef* field_for_header(const domain::KindDef& kind, std::string_view header);

// Excel stores dates as serial day numbers; turn "45292" into "2024-01-01" for date fields.
std::optional<std::string> excel_serial_to_date(std::string_view text);

}  // namespace kc::app
