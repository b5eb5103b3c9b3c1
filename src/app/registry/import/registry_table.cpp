#include "app/registry/import/registry_table.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "domain/field_headers.hpp"

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

// A header split into its label and the unit in trailing brackets: "注册资本（万元）" → {"注册资本",
// "万元"}, "Capital (10k yuan)" → {"Capital", "10k yuan"}; no unit when there are no brackets.
struct LabelAndUnit {
  std::string_view label;
  std::optional<std::string_view> unit;
};

LabelAndUnit split_unit(std::string_view header) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    if (!header.ends_with(close)) continue;
    const auto at = header.rfind(open);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view label = header.substr(0, at);
    while (label.ends_with(' ')) label.remove_suffix(1);
    const auto unit = header.substr(at + open.size(), header.size() - at - open.size() - close.size());
    return {label, unit};
  }
  return {header, std::nullopt};
}

// The field whose label is the header's, whatever unit the header names.
const domain::FieldDef* labelled(const domain::KindDef& kind, const LabelAndUnit& h) {
  for (const auto& f : kind.fields) {
    if (f.zh == h.label || folded(f.en) == folded(h.label)) return &f;
  }
  return nullptr;
}

bool same_unit(const domain::FieldDef& f, std::string_view unit) {
  return unit == f.unit || folded(unit) == folded(domain::unit_in_english(f.unit));
}

}  // namespace

const domain::FieldDef* field_for_header(const domain::KindDef& kind, std::string_view header) {
  const std::string key = folded(header);
  for (const auto& f : kind.fields) {
    if (folded(f.name) == key || f.zh == header || folded(f.en) == key) return &f;
  }
  // A label with its unit, as exported with headers=zh|en (or typed by a clerk).
  const LabelAndUnit h = split_unit(header);
  if (!h.unit) return nullptr;
  const domain::FieldDef* f = labelled(kind, h);
  return f && !f->unit.empty() && same_unit(*f, *h.unit) ? f : nullptr;
}

const domain::FieldDef* field_in_another_unit(const domain::KindDef& kind, std::string_view header) {
  const LabelAndUnit h = split_unit(header);
  if (!h.unit) return nullptr;
  const domain::FieldDef* f = labelled(kind, h);
  return f && !same_unit(*f, *h.unit) ? f : nullptr;
}

}  // namespace kc::app
