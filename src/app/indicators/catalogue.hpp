// The indicator catalogue: what each headline figure of a district's year is, as data (code,
// names, unit, direction, formula, statistical basis). The built-in entries are those of the
// specification (indicators.md) with exactly its codes and definitions; an administrator may
// change an entry or add one, and the saved entry then replaces the built-in of the same code.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kc::app {

// How a value is stated: decides its rounding and how a city adds it up.
enum class IndicatorMeasure { count, amount, ratio };

struct IndicatorDef {
  std::string code;
  std::string zh, en;            // names
  std::string unit;              // as the catalogue states it: 万元, %, 家, 件, 项, 人/个, 件/万人
  int direction = 1;             // +1: more is better; -1: less is better
  IndicatorMeasure measure = IndicatorMeasure::count;
  std::string formula;           // in the formula language (domain/formula/formula.hpp)
  std::string basis_zh, basis_en;  // the statistical basis and notes
  bool builtin = true;
  std::optional<std::string> updated_at;  // of a saved entry
  std::optional<std::string> updated_by;
};

// The built-in entries, in the specification's order.
const std::vector<IndicatorDef>& builtin_indicators();
const IndicatorDef* find_builtin_indicator(const std::string& code);

}  // namespace kc::app
