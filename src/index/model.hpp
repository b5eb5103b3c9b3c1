// The index data model, as in COINr: iData (units × columns) and iMeta (one row per column and per
// aggregate), checked and turned into a Framework (the tree) plus the unit-level data the steps
// need.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/result.hpp"
#include "index/spec.hpp"

namespace kc::index {

inline constexpr double kNA = std::numeric_limits<double>::quiet_NaN();
inline bool is_na(double x) { return std::isnan(x); }

enum class ColumnType { Indicator, Aggregate, Group, Denominator, Other };

// One iMeta row. `level` is 0 for rows outside the tree (groups, denominators, other columns).
struct MetaRow {
  int level = 0;
  std::string code;
  std::string name;
  double direction = 1;
  double weight = 1;
  ColumnType type = ColumnType::Other;
  std::string parent;
  std::string unit;
  double target = kNA;
  std::string denominator;
};

// The indicator tree. Row numbers refer to iMeta order, which is also the output column order.
class Framework {
 public:
  // Checks levels, parents and types; the error names the iMeta row (1-based, header excluded).
  static Result<Framework> build(std::vector<MetaRow> rows);

  const std::vector<MetaRow>& rows() const { return rows_; }
  int max_level() const { return max_level_; }
  // Rows of Type Indicator, in iMeta order.
  const std::vector<int>& indicators() const { return indicators_; }
  // Rows of Type Aggregate at `level`, in iMeta order.
  const std::vector<int>& aggregates_at(int level) const { return by_level_[level]; }
  // Indicator and aggregate rows in iMeta order: the columns of an aggregated dataset.
  const std::vector<int>& tree_rows() const { return tree_rows_; }
  const std::vector<int>& children(int row) const { return children_[row]; }
  int parent(int row) const { return parent_[row]; }
  // Rows at the top level; the first one is "the index" whose rank results.csv reports.
  const std::vector<int>& top() const { return by_level_[max_level_]; }
  int find(std::string_view code) const;
  // Weights of every row as iMeta gives them (NaN outside the tree).
  std::vector<double> weights() const;

 private:
  std::vector<MetaRow> rows_;
  std::unordered_map<std::string, int> index_;
  int max_level_ = 1;
  std::vector<int> indicators_;
  std::vector<std::vector<int>> by_level_;
  std::vector<int> tree_rows_;
  std::vector<std::vector<int>> children_;
  std::vector<int> parent_;
};

// A dataset: units × columns of doubles (NaN = missing), stored by column.
struct Dataset {
  std::vector<std::string> units;           // uCode of each row
  std::vector<std::size_t> source_rows;     // row of each unit in the original iData
  std::vector<std::string> columns;         // iCode of each column
  std::vector<std::vector<double>> values;  // values[column][unit]

  std::size_t n_units() const { return units.size(); }
  std::size_t n_columns() const { return columns.size(); }
  int column(std::string_view code) const;  // -1 if absent
  int unit(std::string_view ucode) const;   // -1 if absent
};

// A text column of iData (a group column) or a numeric one (a denominator).
struct TextColumn {
  std::string code;
  std::vector<std::string> values;  // empty string = missing
};
struct NumberColumn {
  std::string code;
  std::vector<double> values;
};

// Everything iData holds besides the indicators.
struct UnitData {
  std::vector<std::string> codes;
  std::vector<std::string> names;
  std::vector<double> time;  // NaN when iData has no Time column
  std::vector<TextColumn> groups;
  std::vector<NumberColumn> denominators;

  const TextColumn* group(std::string_view code) const;
  const NumberColumn* denominator(std::string_view code) const;
};

// A checked index ready to build: the framework, the unit data and the Raw dataset (indicators in
// iMeta order).
struct IndexData {
  Framework framework;
  UnitData units;
  Dataset raw;
  // Set by select_time: the whole panel it was taken from (after panel imputation), which a
  // panel-wide normalisation reads. Shared, because every copy of a year refers to the same panel.
  std::shared_ptr<const IndexData> panel;
};

// Assembles IndexData from parsed iData: `units` carries codes, names, Time and the group columns;
// `numeric` every numeric iData column by code (indicators and denominators). Missing = NaN / "".
Result<IndexData> assemble(Framework framework, UnitData units, std::vector<NumberColumn> numeric);

// Panel data: the distinct Time values (empty if there is no Time column or only one year).
std::vector<double> panel_times(const IndexData& data);
// The rows of one year as an index of its own. `panel_impute` (PanelLatest / PanelLinear) first
// fills gaps in Raw from the same unit's other years, as COINr's impute_panel does on the whole
// panel.
Result<IndexData> select_time(const IndexData& data, double time,
                              std::optional<ImputeMethod> panel_impute = {});
// Which year of panel data to build, as `index build --time/--panel-impute` and the index
// studio choose it.
struct TimeChoice {
  std::optional<double> time;
  std::optional<ImputeMethod> panel_impute;  // PanelLatest or PanelLinear
};
// The data to build for `choice`: `data` as it is when no year is chosen and it is not a panel;
// the chosen year (select_time) otherwise. Panel data without a chosen year is refused, naming
// how many Time values it holds (panel.time_required), and so is an imputation without a year
// (panel.impute_needs_time). The one place both the CLI and the studio take this decision.
Result<IndexData> choose_time(IndexData data, const TimeChoice& choice);
// The rows of one year of `panel` as they are (no imputation, no `panel` link).
Result<IndexData> rows_of_time(const IndexData& panel, double time);

std::string_view to_string(ColumnType t);
Result<ColumnType> parse_column_type(std::string_view text);

}  // namespace kc::index
