#include "io/index_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <unordered_set>

#include "io/csv.hpp"

namespace kc::io {

namespace {

using domain::Error;

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

Error cell_error(const char* file, const CsvRecord& row, std::string_view column, const Error& e) {
  return Error{"index_csv.cell", std::string(file) + " 第 " + std::to_string(row.line) +
                                     " 行 / line " + std::to_string(row.line) + ", column " +
                                     std::string(column) + ": " + e.message};
}

constexpr CsvLimits kLimits{CsvLimits{}.max_fields, kMaxIndexCsvCells};
constexpr int kMaxLevel = 1000;

// The CSV reader's error with the file named in front; its code and params are kept.
Error in_file(const char* file, Error e) {
  e.message = std::string(file) + ": " + e.message;
  return e;
}

}  // namespace

domain::Result<double> parse_number_cell(std::string_view cell) {
  std::string t = trim(cell);
  if (t.empty() || t == "NA") return index::kNA;
  if (t == "Inf") return INFINITY;
  if (t == "-Inf") return -INFINITY;
  std::string_view v = t;
  if (v.front() == '+') v.remove_prefix(1);
  double out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size())
    return Error{"index_csv.number", "'" + std::string(cell) + "' is not a number"};
  return out;
}

std::string format_number(double v) {
  if (std::isnan(v)) return {};
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  char buf[40];
  const int n = std::snprintf(buf, sizeof buf, "%.17g", v);
  return std::string(buf, static_cast<std::size_t>(n));
}

domain::Result<std::vector<index::MetaRow>> parse_imeta(std::string_view csv_text) {
  auto t = parse_csv_table(csv_text, kLimits);
  if (!t) return in_file("iMeta", t.error());
  const CsvTable& tab = t.value();
  for (const char* required : {"iCode", "Level", "Type"})
    if (tab.column(required) < 0)
      return Error{"index_csv.header",
                   std::string("iMeta: required column '") + required + "' is missing"};
  const int c_level = tab.column("Level"), c_code = tab.column("iCode"),
            c_name = tab.column("iName"), c_dir = tab.column("Direction"),
            c_w = tab.column("Weight"), c_type = tab.column("Type"),
            c_parent = tab.column("Parent"), c_unit = tab.column("Unit"),
            c_target = tab.column("Target"), c_den = tab.column("Denominator");
  std::vector<index::MetaRow> rows;
  for (const CsvRecord& rec : tab.rows) {
    index::MetaRow m;
    auto text = [&](int c) { return c < 0 ? std::string() : trim(rec.fields[c]); };
    auto num = [&](int c, const char* name, double fallback) -> domain::Result<double> {
      if (c < 0) return fallback;
      auto v = parse_number_cell(rec.fields[c]);
      if (!v) return cell_error("iMeta", rec, name, v.error());
      return std::isnan(v.value()) ? fallback : v.value();
    };
    m.code = text(c_code);
    m.name = text(c_name);
    m.parent = text(c_parent);
    m.unit = text(c_unit);
    m.denominator = text(c_den);
    auto type = index::parse_column_type(text(c_type));
    if (!type)
      return cell_error("iMeta", rec, "Type", Error{type.error().code, type.error().message});
    m.type = type.value();
    auto level = num(c_level, "Level", 0);
    if (!level) return level.error();
    // Bounded before the cast to int: 1e59 or Inf there is undefined behaviour (found by the
    // index_csv fuzz target), and no framework has a thousand levels.
    if (level.value() != std::floor(level.value()) || std::abs(level.value()) > kMaxLevel)
      return cell_error("iMeta", rec, "Level",
                        Error{"index_csv.level", "Level must be a whole number from -" +
                                                     std::to_string(kMaxLevel) + " to " +
                                                     std::to_string(kMaxLevel)});
    m.level = static_cast<int>(level.value());
    auto dir = num(c_dir, "Direction", 1);
    if (!dir) return dir.error();
    m.direction = dir.value();
    auto w = num(c_w, "Weight",
                 m.type == index::ColumnType::Indicator || m.type == index::ColumnType::Aggregate
                     ? 1
                     : index::kNA);
    if (!w) return w.error();
    m.weight = w.value();
    auto target = num(c_target, "Target", index::kNA);
    if (!target) return target.error();
    m.target = target.value();
    if ((m.type == index::ColumnType::Indicator || m.type == index::ColumnType::Aggregate) &&
        c_w >= 0 && trim(rec.fields[c_w]).empty())
      return cell_error("iMeta", rec, "Weight",
                        Error{"index_csv.weight",
                              "an " + std::string(index::to_string(m.type)) + " needs a Weight"});
    rows.push_back(std::move(m));
  }
  return rows;
}

domain::Result<index::IndexData> parse_index_csv(std::string_view idata_text,
                                                 std::string_view imeta_text) {
  auto meta = parse_imeta(imeta_text);
  if (!meta) return meta.error();
  auto fw = index::Framework::build(std::move(meta.value()));
  if (!fw) return Error{fw.error().code, fw.error().message};
  const index::Framework& f = fw.value();

  auto t = parse_csv_table(idata_text, kLimits);
  if (!t) return in_file("iData", t.error());
  const CsvTable& tab = t.value();
  const int c_ucode = tab.column("uCode");
  if (c_ucode < 0) return Error{"index_csv.header", "iData: required column 'uCode' is missing"};
  // A set, not pairs: 16,384 columns would be 134 million comparisons.
  std::unordered_set<std::string_view> seen;
  for (const std::string& h : tab.header)
    if (!seen.insert(h).second)
      return Error{"index_csv.header", "iData: column '" + h + "' appears twice"};
  index::UnitData units;
  std::vector<index::NumberColumn> numeric;
  const std::size_t n = tab.rows.size();
  for (const CsvRecord& rec : tab.rows) units.codes.push_back(trim(rec.fields[c_ucode]));
  units.names.assign(n, {});
  units.time.assign(n, index::kNA);
  for (std::size_t c = 0; c < tab.header.size(); ++c) {
    const std::string& h = tab.header[c];
    if (h == "uCode") continue;
    if (h == "uName") {
      for (std::size_t r = 0; r < n; ++r) units.names[r] = tab.rows[r].fields[c];
      continue;
    }
    const int row = f.find(h);
    const bool is_time = h == "Time";
    if (row < 0 && !is_time)
      return Error{"index_csv.unknown_column", "iData: column '" + h + "' has no row in iMeta"};
    const index::ColumnType type = is_time ? index::ColumnType::Other : f.rows()[row].type;
    if (type == index::ColumnType::Group) {
      index::TextColumn g{h, {}};
      for (const auto& rec : tab.rows) {
        std::string v = trim(rec.fields[c]);
        g.values.push_back(v == "NA" ? std::string() : v);
      }
      units.groups.push_back(std::move(g));
      continue;
    }
    if (type == index::ColumnType::Aggregate)
      return Error{
          "index_csv.aggregate_column",
          "iData: column '" + h + "' is an Aggregate in iMeta; aggregates are computed, not read"};
    if (type == index::ColumnType::Other && !is_time) continue;  // carried by COINr, unused here
    index::NumberColumn col{h, {}};
    col.values.reserve(n);
    for (const auto& rec : tab.rows) {
      auto v = parse_number_cell(rec.fields[c]);
      if (!v) return cell_error("iData", rec, h, v.error());
      col.values.push_back(v.value());
    }
    if (is_time)
      units.time = std::move(col.values);
    else
      numeric.push_back(std::move(col));
  }
  auto data = index::assemble(std::move(fw.value()), std::move(units), std::move(numeric));
  if (!data) return Error{data.error().code, data.error().message};
  return std::move(data.value());
}

domain::Result<index::IndexData> read_index_csv(const std::string& idata_path,
                                                const std::string& imeta_path) {
  auto d = read_file(idata_path);
  if (!d) return d.error();
  auto m = read_file(imeta_path);
  if (!m) return m.error();
  return parse_index_csv(d.value(), m.value());
}

std::string dataset_csv(const index::Dataset& data, const index::Framework& framework) {
  // Columns in iMeta order; any column iMeta does not know goes last, in dataset order.
  std::vector<std::size_t> order(data.n_columns());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](std::size_t c) {
    const int r = framework.find(data.columns[c]);
    return r < 0 ? static_cast<int>(framework.rows().size() + c) : r;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::string out;
  out.reserve(data.n_units() * data.n_columns() * 20 + 256);
  std::vector<std::string> fields{"uCode"};
  for (std::size_t c : order) fields.push_back(data.columns[c]);
  append_csv_row(out, fields);
  for (std::size_t u = 0; u < data.n_units(); ++u) {
    fields.assign(1, data.units[u]);
    for (std::size_t c : order) fields.push_back(format_number(data.values[c][u]));
    append_csv_row(out, fields);
  }
  return out;
}

std::string results_csv(const index::Results& r) {
  std::vector<std::size_t> order(r.units.size());
  std::iota(order.begin(), order.end(), 0);
  if (!r.rank.empty()) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const double ra = std::isnan(r.rank[a]) ? INFINITY : r.rank[a];
      const double rb = std::isnan(r.rank[b]) ? INFINITY : r.rank[b];
      return ra < rb;
    });
  }
  std::string out;
  std::vector<std::string> fields{"uCode"};
  for (const auto& c : r.columns) fields.push_back(c);
  fields.push_back("Rank");
  append_csv_row(out, fields);
  for (std::size_t u : order) {
    fields.assign(1, r.units[u]);
    for (const auto& s : r.scores) fields.push_back(format_number(s[u]));
    fields.push_back(r.rank.empty() ? std::string() : format_number(r.rank[u]));
    append_csv_row(out, fields);
  }
  return out;
}

std::string treat_details_csv(const std::vector<index::TreatDetail>& details) {
  auto pass = [](const std::optional<bool>& p) { return p ? (*p ? "TRUE" : "FALSE") : ""; };
  std::string out;
  std::vector<std::string> fields{
      "iCode",          "check_SkewKurt0.Pass", "check_SkewKurt0.Skew", "check_SkewKurt0.Kurt",
      "winsorise.nwin", "check_SkewKurt1.Pass", "check_SkewKurt1.Skew", "check_SkewKurt1.Kurt",
      "log_CT",         "check_SkewKurt2.Pass", "check_SkewKurt2.Skew", "check_SkewKurt2.Kurt"};
  append_csv_row(out, fields);
  for (const auto& d : details) {
    fields = {d.code, pass(d.before.pass), format_number(d.before.skew),
              format_number(d.before.kurt)};
    if (d.winsorised) {
      fields.push_back(std::to_string(d.nwin));
      fields.push_back(pass(d.after_winsorise.pass));
      fields.push_back(format_number(d.after_winsorise.skew));
      fields.push_back(format_number(d.after_winsorise.kurt));
    } else {
      fields.insert(fields.end(), 4, std::string());
    }
    fields.push_back(d.logged ? "TRUE" : "FALSE");
    if (d.logged) {
      fields.push_back(pass(d.after_log.pass));
      fields.push_back(format_number(d.after_log.skew));
      fields.push_back(format_number(d.after_log.kurt));
    } else {
      fields.insert(fields.end(), 3, std::string());
    }
    append_csv_row(out, fields);
  }
  return out;
}

domain::Status write_build_outputs(const std::string& dir, const index::BuildOutput& out,
                                   const index::Framework& framework) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return Error{"file.mkdir",
                 "无法创建目录 / cannot create directory " + dir + ": " + ec.message()};
  const std::filesystem::path base(dir);
  for (const auto& d : out.datasets)
    if (auto s = write_file((base / (d.name + ".csv")).string(), dataset_csv(d.data, framework));
        !s)
      return s;
  if (!out.results.columns.empty())
    if (auto s = write_file((base / "results.csv").string(), results_csv(out.results)); !s)
      return s;
  if (out.find("Treated"))
    if (auto s =
            write_file((base / "treat_details.csv").string(), treat_details_csv(out.treat_details));
        !s)
      return s;
  return domain::ok();
}

std::string rank_stats_csv(const index::RankStats& st) {
  std::vector<std::size_t> order(st.units.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double ra = std::isnan(st.nominal[a]) ? INFINITY : st.nominal[a];
    const double rb = std::isnan(st.nominal[b]) ? INFINITY : st.nominal[b];
    return ra < rb;
  });
  std::string out = "uCode,Nominal,Mean,Median,Q5,Q95\n";
  for (std::size_t u : order) {
    std::vector<std::string> f{st.units[u],
                               format_number(st.nominal[u]),
                               format_number(st.mean[u]),
                               format_number(st.median[u]),
                               format_number(st.q5[u]),
                               format_number(st.q95[u])};
    append_csv_row(out, f);
  }
  return out;
}

std::string sensitivity_csv(const std::vector<index::SensitivityIndex>& indices) {
  std::string out = "factor,Si,STi,Si_q5,Si_q95,STi_q5,STi_q95\n";
  for (const auto& s : indices) {
    std::vector<std::string> f{s.factor,
                               format_number(s.si),
                               format_number(s.sti),
                               format_number(s.si_q5),
                               format_number(s.si_q95),
                               format_number(s.sti_q5),
                               format_number(s.sti_q95)};
    append_csv_row(out, f);
  }
  return out;
}

domain::Status write_uncertainty_outputs(const std::string& dir,
                                         const index::UncertaintyResult& result, bool sensitivity) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return Error{"file.mkdir",
                 "无法创建目录 / cannot create directory " + dir + ": " + ec.message()};
  const std::filesystem::path base(dir);
  if (auto s = write_file((base / "rank_stats.csv").string(), rank_stats_csv(result.ranks)); !s)
    return s;
  if (sensitivity)
    if (auto s =
            write_file((base / "sensitivity.csv").string(), sensitivity_csv(result.sensitivity));
        !s)
      return s;
  return domain::ok();
}

}  // namespace kc::io
