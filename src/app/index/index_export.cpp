#include "app/index/index_export.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "io/xlsx_writer.hpp"

namespace kc::app {
namespace {

using io::XlsxCell;
using io::XlsxColumn;

XlsxCell num(double v) {
  if (!std::isfinite(v)) return std::monostate{};
  return v;
}

XlsxCell text(const std::string& s) { return s; }

// Row order by a rank column, missing ranks last, ties in unit order.
std::vector<std::size_t> by_rank(const std::vector<double>& rank, std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  if (rank.size() == n) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const double ra = std::isnan(rank[a]) ? INFINITY : rank[a];
      const double rb = std::isnan(rank[b]) ? INFINITY : rank[b];
      return ra < rb;
    });
  }
  return order;
}

std::vector<XlsxColumn> columns(std::initializer_list<const char*> headers, double width = 12) {
  std::vector<XlsxColumn> out;
  for (const char* h : headers) out.push_back({h, width});
  return out;
}

class Book {
 public:
  explicit Book(const std::filesystem::path& path) : path_(path) {}

  // Starts a sheet (the first one creates the file).
  domain::Status sheet(const std::string& name, const std::vector<XlsxColumn>& cols) {
    if (!writer_) {
      auto w = io::XlsxWriter::create(path_, name, cols);
      if (!w) return w.error();
      writer_.emplace(std::move(w.value()));
      return domain::ok();
    }
    return writer_->add_sheet(name, cols);
  }
  domain::Status row(const std::vector<XlsxCell>& cells) { return writer_->write_row(cells); }
  domain::Status close() { return writer_->close(); }

 private:
  std::filesystem::path path_;
  std::optional<io::XlsxWriter> writer_;
};

#define KC_TRY(expr)                         \
  do {                                       \
    if (auto st_ = (expr); !st_) return st_; \
  } while (0)

// uCode, then the dataset's columns in iMeta order (columns iMeta does not know last).
domain::Status dataset_sheet(Book& book, const std::string& name, const index::Dataset& d,
                             const index::Framework& fw) {
  std::vector<std::size_t> order(d.n_columns());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](std::size_t c) {
    const int r = fw.find(d.columns[c]);
    return r < 0 ? static_cast<int>(fw.rows().size() + c) : r;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<XlsxColumn> cols{{"uCode", 14}};
  for (std::size_t c : order) cols.push_back({d.columns[c], 12});
  KC_TRY(book.sheet(name, cols));
  std::vector<XlsxCell> cells;
  for (std::size_t u = 0; u < d.n_units(); ++u) {
    cells.assign(1, text(d.units[u]));
    for (std::size_t c : order) cells.push_back(num(d.values[c][u]));
    KC_TRY(book.row(cells));
  }
  return domain::ok();
}

domain::Status results_sheet(Book& book, const index::Results& r) {
  std::vector<XlsxColumn> cols{{"uCode", 14}};
  for (const auto& c : r.columns) cols.push_back({c, 12});
  cols.push_back({"Rank", 8});
  KC_TRY(book.sheet("Results", cols));
  std::vector<XlsxCell> cells;
  for (std::size_t u : by_rank(r.rank, r.units.size())) {
    cells.assign(1, text(r.units[u]));
    for (const auto& s : r.scores) cells.push_back(num(s[u]));
    cells.push_back(r.rank.empty() ? XlsxCell{} : num(r.rank[u]));
    KC_TRY(book.row(cells));
  }
  return domain::ok();
}

// COINr's treatment columns, as treat_details.csv has them.
domain::Status treatment_sheet(Book& book, const std::vector<index::TreatDetail>& details) {
  KC_TRY(book.sheet("Treatment", columns({"iCode", "check_SkewKurt0.Pass", "check_SkewKurt0.Skew",
                                          "check_SkewKurt0.Kurt", "winsorise.nwin",
                                          "check_SkewKurt1.Pass", "check_SkewKurt1.Skew",
                                          "check_SkewKurt1.Kurt", "log_CT", "check_SkewKurt2.Pass",
                                          "check_SkewKurt2.Skew", "check_SkewKurt2.Kurt"})));
  auto pass = [](const std::optional<bool>& p) -> XlsxCell {
    if (!p) return std::monostate{};
    return *p;
  };
  for (const auto& d : details) {
    std::vector<XlsxCell> cells{text(d.code), pass(d.before.pass), num(d.before.skew),
                                num(d.before.kurt)};
    if (d.winsorised) {
      cells.insert(cells.end(), {static_cast<double>(d.nwin), pass(d.after_winsorise.pass),
                                 num(d.after_winsorise.skew), num(d.after_winsorise.kurt)});
    } else {
      cells.insert(cells.end(), 4, XlsxCell{});
    }
    cells.push_back(d.logged);
    if (d.logged) {
      cells.insert(cells.end(),
                   {pass(d.after_log.pass), num(d.after_log.skew), num(d.after_log.kurt)});
    }
    KC_TRY(book.row(cells));
  }
  return domain::ok();
}

domain::Status analysis_sheets(Book& book, const IndexAnalysis& a) {
  KC_TRY(book.sheet("Statistics", columns({"iCode", "n", "availability", "zeros", "min", "max",
                                           "mean", "median", "sd", "skew", "kurt", "outlier"})));
  for (const auto& s : a.statistics) {
    KC_TRY(book.row({text(s.code), static_cast<double>(s.n), num(s.availability),
                     static_cast<double>(s.zeros), num(s.min), num(s.max), num(s.mean),
                     num(s.median), num(s.sd), num(s.skew), num(s.kurt), s.outlier}));
  }
  std::vector<XlsxColumn> cols{{"iCode", 12}};
  for (const auto& c : a.correlations.y) cols.push_back({c, 10});
  KC_TRY(book.sheet("Correlations", cols));
  for (std::size_t i = 0; i < a.correlations.x.size(); ++i) {
    std::vector<XlsxCell> cells{text(a.correlations.x[i])};
    for (double r : a.correlations.r[i]) cells.push_back(num(r));
    KC_TRY(book.row(cells));
  }
  KC_TRY(book.sheet("Alpha", columns({"group", "alpha"})));
  for (const auto& g : a.alpha) KC_TRY(book.row({text(g.group), num(g.alpha)}));
  KC_TRY(book.sheet("Framework", columns({"iCode", "iName", "Level", "Parent", "Direction",
                                          "Weight", "EffectiveWeight"})));
  for (const auto& f : a.framework) {
    KC_TRY(book.row({text(f.code), text(f.name), static_cast<double>(f.level), text(f.parent),
                     num(f.direction), num(f.weight), num(f.effective_weight)}));
  }
  return domain::ok();
}

}  // namespace

domain::Status write_index_build_xlsx(const IndexBuild& b, const std::filesystem::path& path) {
  if (!b.analysis)
    return domain::Error{"index_export.analysis",
                         "the build export needs the analysis (force_analysis)"};
  Book book(path);
  KC_TRY(results_sheet(book, b.output.results));
  for (const auto& d : b.output.datasets)
    KC_TRY(dataset_sheet(book, d.name, d.data, b.data.framework));
  KC_TRY(treatment_sheet(book, b.output.treat_details));
  KC_TRY(analysis_sheets(book, *b.analysis));
  return book.close();
}

domain::Status write_index_uncertainty_xlsx(const IndexUncertainty& u,
                                            const std::filesystem::path& path) {
  Book book(path);
  const auto& st = u.result.ranks;
  KC_TRY(book.sheet("RankStats", columns({"uCode", "Nominal", "Mean", "Median", "Q5", "Q95"})));
  for (std::size_t i : by_rank(st.nominal, st.units.size())) {
    KC_TRY(book.row({text(st.units[i]), num(st.nominal[i]), num(st.mean[i]), num(st.median[i]),
                     num(st.q5[i]), num(st.q95[i])}));
  }
  if (u.sensitivity) {
    KC_TRY(book.sheet("Sensitivity",
                      columns({"factor", "Si", "STi", "Si_q5", "Si_q95", "STi_q5", "STi_q95"})));
    for (const auto& s : u.result.sensitivity) {
      KC_TRY(book.row({text(s.factor), num(s.si), num(s.sti), num(s.si_q5), num(s.si_q95),
                       num(s.sti_q5), num(s.sti_q95)}));
    }
  }
  return book.close();
}

#undef KC_TRY

}  // namespace kc::app
