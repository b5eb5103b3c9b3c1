#include "app/registry/import/registry_table.hpp"

#include <algorithm>
#include <cctype>


namespace kc::app {
namespace {

std::string folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

const domain::FieldDef* field_for_header(const domain::KindDef& kind, std::string_view header) {
  const std::string key = folded(header);
  for (const auto& f : kind.fields) {
    if (folded(f.name) == key || f.zh == header || folded(f.en) == key) return &f;
  }
  return nullptr;
}

}  // namespace kc::app
