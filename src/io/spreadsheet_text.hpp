// Text cells in files that people open in a spreadsheet. A cell that begins with = + - @, a tab or
// a carriage return is run as a formula by Excel and LibreOffice (CSV injection: an enterprise
// types `=HYPERLINK(…)` into its own record and a clerk exports it). Exports prefix such text with
// an apostrophe, the spreadsheet's own "this is text" mark; imports remove it again, so an export
// re-imports to exactly the stored text.
//
// The mapping is reversible: text that already begins with an apostrophe followed by a trigger or
// by another apostrophe is prefixed too, so restore(neutralise(t)) == t for every t.
#pragma once

#include <string>
#include <string_view>

namespace kc::io {

// The text as it is written to an exported cell.
std::string neutralise_formula(std::string_view text);
// The text an imported cell stands for (the inverse of neutralise_formula).
std::string_view restore_formula(std::string_view cell);

}  // namespace kc::io
