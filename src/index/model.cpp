#include "index/model.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace kc::index {

namespace {

std::string row_label(std::size_t i, const MetaRow& r) {
  return "iMeta row " + std::to_string(i + 1) + " (" + (r.code.empty() ? "no iCode" : r.code) + ")";
}

}  // namespace

std::string_view to_string(ColumnType t) {
  switch (t) {
    case ColumnType::Indicator:
      return "Indicator";
    case ColumnType::Aggregate:
      return "Aggregate";
    case ColumnType::Group:
      return "Group";
    case ColumnType::Denominator:
      return "Denominator";
    case ColumnType::Other:
      return "Other";
  }
  return "Other";
}

Result<ColumnType> parse_column_type(std::string_view text) {
  for (ColumnType t : {ColumnType::Indicator, ColumnType::Aggregate, ColumnType::Group,
                       ColumnType::Denominator, ColumnType::Other}) {
    if (text == to_string(t)) return t;
  }
  return make_error("meta.type",
                    "unknown Type '" + std::string(text) +
                        "' (expected Indicator, Aggregate, Group, Denominator or Other)");
}

Result<Framework> Framework::build(std::vector<MetaRow> rows) {
  Framework f;
  const std::size_t n = rows.size();
  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < n; ++i) {
    const MetaRow& r = rows[i];
    if (r.code.empty()) return make_error("meta.code", row_label(i, r) + ": iCode is empty");
    if (!index.emplace(r.code, static_cast<int>(i)).second)
      return make_error("meta.duplicate", row_label(i, r) + ": iCode appears twice");
    const bool in_tree = r.type == ColumnType::Indicator || r.type == ColumnType::Aggregate;
    if (in_tree) {
      if (r.level < 1)
        return make_error("meta.level", row_label(i, r) + ": Level must be 1 or more");
      if (r.type == ColumnType::Indicator && r.level != 1)
        return make_error("meta.level", row_label(i, r) + ": an Indicator must have Level 1");
      if (r.type == ColumnType::Aggregate && r.level < 2)
        return make_error("meta.level",
                          row_label(i, r) + ": an Aggregate must have Level 2 or more");
      if (r.direction != 1 && r.direction != -1)
        return make_error("meta.direction", row_label(i, r) + ": Direction must be 1 or -1");
      if (!std::isfinite(r.weight) || r.weight < 0)
        return make_error("meta.weight", row_label(i, r) + ": Weight must be a number >= 0");
      f.max_level_ = std::max(f.max_level_, r.level);
    }
  }
  if (n == 0 || std::none_of(rows.begin(), rows.end(),
                             [](const MetaRow& r) { return r.type == ColumnType::Indicator; }))
    return make_error("meta.empty", "iMeta has no row of Type Indicator");

  f.by_level_.assign(f.max_level_ + 1, {});
  f.children_.assign(n, {});
  f.parent_.assign(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const MetaRow& r = rows[i];
    const int ii = static_cast<int>(i);
    if (r.type == ColumnType::Indicator) f.indicators_.push_back(ii);
    if (r.type != ColumnType::Indicator && r.type != ColumnType::Aggregate) continue;
    f.tree_rows_.push_back(ii);
    if (r.type == ColumnType::Aggregate) f.by_level_[r.level].push_back(ii);
    if (r.level == f.max_level_) {
      if (!r.parent.empty() && index.count(r.parent))
        return make_error("meta.parent", row_label(i, r) + ": the top level cannot have a parent");
      continue;
    }
    auto p = index.find(r.parent);
    if (r.parent.empty() || p == index.end())
      return make_error("meta.parent",
                        row_label(i, r) + ": Parent '" + r.parent + "' is not an iCode in iMeta");
    const MetaRow& pr = rows[p->second];
    if (pr.type != ColumnType::Aggregate || pr.level != r.level + 1)
      return make_error("meta.parent", row_label(i, r) + ": Parent '" + r.parent +
                                           "' must be an Aggregate at Level " +
                                           std::to_string(r.level + 1));
    f.parent_[i] = p->second;
    f.children_[p->second].push_back(ii);
  }
  if (f.max_level_ == 1) {
    // A flat list of indicators is allowed: nothing to aggregate, results are empty.
  }
  for (int lev = 2; lev <= f.max_level_; ++lev)
    for (int a : f.by_level_[lev])
      if (f.children_[a].empty())
        return make_error("meta.children",
                          row_label(a, rows[a]) + ": this Aggregate has no children");
  for (std::size_t i = 0; i < n; ++i) {
    const MetaRow& r = rows[i];
    if (r.type == ColumnType::Indicator && !r.denominator.empty()) {
      auto d = index.find(r.denominator);
      if (d == index.end() || rows[d->second].type != ColumnType::Denominator)
        return make_error("meta.denominator", row_label(i, r) + ": Denominator '" + r.denominator +
                                                  "' is not an iMeta row of Type Denominator");
    }
  }
  f.rows_ = std::move(rows);
  f.index_ = std::move(index);
  return f;
}

int Framework::find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? -1 : it->second;
}

std::vector<double> Framework::weights() const {
  std::vector<double> w(rows_.size(), kNA);
  for (int r : tree_rows_) w[r] = rows_[r].weight;
  return w;
}

int Dataset::column(std::string_view code) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == code) return static_cast<int>(i);
  return -1;
}

int Dataset::unit(std::string_view ucode) const {
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i] == ucode) return static_cast<int>(i);
  return -1;
}

const TextColumn* UnitData::group(std::string_view code) const {
  for (const auto& g : groups)
    if (g.code == code) return &g;
  return nullptr;
}

const NumberColumn* UnitData::denominator(std::string_view code) const {
  for (const auto& d : denominators)
    if (d.code == code) return &d;
  return nullptr;
}

Result<IndexData> assemble(Framework framework, UnitData units, std::vector<NumberColumn> numeric) {
  const std::size_t n = units.codes.size();
  if (n == 0) return make_error("data.empty", "iData has no units");
  // A uCode may repeat only in panel data, once per Time value.
  std::unordered_set<std::string> seen;
  const bool has_time = units.time.size() == n;
  for (std::size_t i = 0; i < n; ++i) {
    if (units.codes[i].empty())
      return make_error("data.ucode", "iData row " + std::to_string(i + 1) + ": uCode is empty");
    std::string key = units.codes[i];
    if (has_time && !is_na(units.time[i])) key += "\x1f" + std::to_string(units.time[i]);
    if (!seen.insert(key).second)
      return make_error("data.ucode", "iData row " + std::to_string(i + 1) + ": uCode '" +
                                          units.codes[i] + "' appears twice" +
                                          (has_time ? " for the same Time" : ""));
  }
  auto take = [&](const std::string& code) -> NumberColumn* {
    for (auto& c : numeric)
      if (c.code == code) return &c;
    return nullptr;
  };
  IndexData out;
  out.raw.units = units.codes;
  out.raw.source_rows.resize(n);
  for (std::size_t i = 0; i < n; ++i) out.raw.source_rows[i] = i;
  for (int r : framework.indicators()) {
    const std::string& code = framework.rows()[r].code;
    NumberColumn* c = take(code);
    if (!c)
      return make_error("data.missing_column",
                        "iData has no numeric column for indicator '" + code + "'");
    if (c->values.size() != n)
      return make_error("data.shape", "column '" + code + "' has the wrong length");
    out.raw.columns.push_back(code);
    out.raw.values.push_back(c->values);
  }
  std::vector<NumberColumn> dens;
  for (const MetaRow& r : framework.rows()) {
    if (r.type == ColumnType::Denominator) {
      NumberColumn* c = take(r.code);
      if (!c) continue;  // only an error if an indicator needs it (checked in denominate)
      dens.push_back(*c);
    } else if (r.type == ColumnType::Group) {
      if (!units.group(r.code))
        return make_error("data.missing_column", "iData has no column for group '" + r.code + "'");
    }
  }
  units.denominators = std::move(dens);
  out.framework = std::move(framework);
  out.units = std::move(units);
  return out;
}

std::vector<double> panel_times(const IndexData& data) {
  std::vector<double> t;
  for (double v : data.units.time)
    if (!is_na(v) && std::find(t.begin(), t.end(), v) == t.end()) t.push_back(v);
  std::sort(t.begin(), t.end());
  if (t.size() < 2) t.clear();
  return t;
}

}  // namespace kc::index
