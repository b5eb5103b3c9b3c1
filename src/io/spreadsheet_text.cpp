#include "io/spreadsheet_text.hpp"

namespace kc::io {
namespace {

bool is_trigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// True when the cell carries an export's apostrophe that restore_formula removes.
bool has_mark(std::string_view cell) {
  return cell.size() > 1 && cell[0] == '\'' && (is_trigger(cell[1]) || cell[1] == '\'');
}

}  // namespace

std::string neutralise_formula(std::string_view text) {
  if ((!text.empty() && is_trigger(text[0])) || has_mark(text)) return "'" + std::string(text);
  return std::string(text);
}

std::string_view restore_formula(std::string_view cell) { return has_mark(cell) ? cell.substr(1) : cell; }

}  // namespace kc::io
