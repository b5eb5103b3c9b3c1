// How a registry file's header cells map onto a kind's fields (Excel's serial dates are io/excel_dates.*).
// (Reading the file itself is app/registry/import/registry_import_source.*.)
#pragma once

#include <string_view>

#include "domain/registry_kind.hpp"

namespace kc::app {

// The field a header cell names: its name, Chinese label or English label (case and spaces ignored
// for the English ones), or a label with the field's unit in brackets ("注册资本（万元）",
// "Registered capital (10k yuan)"); nullptr when none.
const domain::FieldDef* field_for_header(const domain::KindDef& kind, std::string_view header);

// The field a header names by its label but with another unit ("注册资本（亿元）"): its values
// would be read in the field's unit, so the column is refused and the unit named.
const domain::FieldDef* field_in_another_unit(const domain::KindDef& kind, std::string_view header);

}  // namespace kc::app
