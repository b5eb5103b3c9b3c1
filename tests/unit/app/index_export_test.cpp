// The studio's XLSX downloads read back with the project's own reader, and the XLSX → CSV
// conversion the studio uses to load iData/iMeta from a workbook.
#include "app/index/index_export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "app/index/index_convert.hpp"
#include "asem_text.hpp"
#include "io/csv.hpp"
#include "io/index_csv.hpp"
#include "io/xlsx_reader.hpp"
#include "io/xlsx_writer.hpp"

namespace kc::app {
namespace {

using test::asem;

std::filesystem::path temp_file(const std::string& name) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / ("kc_index_export_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

std::string bytes_of(const std::filesystem::path& p) {
  auto b = io::read_file(p.string());
  EXPECT_TRUE(b.ok()) << p;
  return b.ok() ? b.value() : std::string();
}

Actor staff() {
  Actor a;
  a.role = Role::staff;
  return a;
}

IndexRequest asem_request() {
  IndexRequest r;
  r.data_csv = asem("ASEM_iData.csv");
  r.meta_csv = asem("ASEM_iMeta.csv");
  r.spec_json = asem("example-spec.json");
  return r;
}

io::XlsxSheet sheet(const std::string& bytes, const std::string& name) {
  io::XlsxReadOptions o;
  o.sheet_name = name;
  auto s = io::read_xlsx(bytes, o);
  EXPECT_TRUE(s.ok()) << name << ": " << (s.ok() ? "" : s.error().message);
  return s.ok() ? s.value() : io::XlsxSheet{};
}

double number(const std::string& cell) {
  auto v = io::parse_number_cell(cell);
  EXPECT_TRUE(v.ok()) << cell;
  return v.ok() ? v.value() : NAN;
}

TEST(IndexExport, BuildWorkbookHasEverySheetAndTheResultsOfTheBuild) {
  auto b = run_index_build(staff(), asem_request(), true);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  const auto path = temp_file("build.xlsx");
  ASSERT_TRUE(write_index_build_xlsx(b.value(), path).ok());
  const std::string bytes = bytes_of(path);
  auto names = io::list_xlsx_sheets(bytes);
  ASSERT_TRUE(names.ok()) << names.error().message;
  EXPECT_EQ(names.value(), (std::vector<std::string>{"Results", "Raw", "Denominated", "Imputed", "Screened",
                                                     "Treated", "Normalised", "Aggregated", "Treatment",
                                                     "Statistics", "Correlations", "Alpha", "Framework"}));

  // Results: the JSON answer's scores and ranks, rows by rank.
  const auto json = index_build_json(b.value(), false);
  const auto& res = json.at("results").as_object();
  const auto& units = res.at("units").as_array();
  const auto results = sheet(bytes, "Results");
  ASSERT_EQ(results.rows.size(), units.size() + 1);
  const auto& header = results.rows[0];
  ASSERT_EQ(header.front(), "uCode");
  ASSERT_EQ(header.back(), "Rank");
  EXPECT_EQ(header[1], "Index") << "top level first";
  double previous_rank = 0;
  for (std::size_t r = 1; r < results.rows.size(); ++r) {
    const auto& row = results.rows[r];
    std::size_t u = 0;
    while (u < units.size() && units[u].as_string() != row[0]) ++u;
    ASSERT_LT(u, units.size()) << row[0];
    const double rank = number(row.back());
    EXPECT_EQ(rank, res.at("rank").as_array()[u].to_number<double>()) << row[0];
    EXPECT_GE(rank, previous_rank) << "rows by rank";
    previous_rank = rank;
    for (std::size_t c = 1; c + 1 < header.size(); ++c) {
      const double want = res.at("scores").at(header[c]).as_array()[u].to_number<double>();
      // The file keeps 15–17 significant digits.
      EXPECT_NEAR(number(row[c]), want, 1e-12 * std::max(1.0, std::abs(want))) << row[0] << " " << header[c];
    }
  }

  // A dataset sheet equals the dataset, with the missing values empty.
  const auto raw = sheet(bytes, "Raw");
  const index::Dataset& d = b->data.raw;
  ASSERT_EQ(raw.rows.size(), d.n_units() + 1);
  std::size_t empty = 0;
  for (std::size_t u = 0; u < d.n_units(); ++u) {
    const auto& row = raw.rows[u + 1];
    EXPECT_EQ(row[0], d.units[u]);
    for (std::size_t c = 1; c < raw.rows[0].size(); ++c) {
      const double want = d.values[d.column(raw.rows[0][c])][u];
      const std::string cell = c < row.size() ? row[c] : std::string();
      if (std::isnan(want)) {
        EXPECT_EQ(cell, "");
        ++empty;
      } else {
        EXPECT_NEAR(number(cell), want, 1e-12 * std::max(1.0, std::abs(want)));
      }
    }
  }
  EXPECT_EQ(empty, 63u) << "ASEM's raw data has 63 missing values";

  const auto treatment = sheet(bytes, "Treatment");
  EXPECT_EQ(treatment.rows.size(), b->output.treat_details.size() + 1);
  const auto framework = sheet(bytes, "Framework");
  ASSERT_EQ(framework.rows.size(), 61u);
  EXPECT_EQ(framework.rows[0], (std::vector<std::string>{"iCode", "iName", "Level", "Parent", "Direction", "Weight",
                                                         "EffectiveWeight"}));
  const auto corr = sheet(bytes, "Correlations");
  ASSERT_EQ(corr.rows.size(), 61u);
  EXPECT_EQ(number(corr.rows[1][1]), 1.0) << "LPI with itself";
  EXPECT_EQ(sheet(bytes, "Statistics").rows.size(), 50u);
  EXPECT_EQ(sheet(bytes, "Alpha").rows.size(), 12u);
}

TEST(IndexExport, OnlyTheDatasetsTheSpecProduced) {
  auto r = asem_request();
  r.spec_json.clear();  // COINr's defaults: normalise, aggregate
  auto b = run_index_build(staff(), r, true);
  ASSERT_TRUE(b.ok());
  const auto path = temp_file("defaults.xlsx");
  ASSERT_TRUE(write_index_build_xlsx(b.value(), path).ok());
  auto names = io::list_xlsx_sheets(bytes_of(path));
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"Results", "Raw", "Normalised", "Aggregated", "Treatment",
                                                     "Statistics", "Correlations", "Alpha", "Framework"}));
}

TEST(IndexExport, UncertaintyWorkbook) {
  UncertaintyRequest u;
  u.index = asem_request();
  u.vary_json = R"({"vary": [{"factor": "aggregate", "values": [{"method": "amean"}, {"method": "gmean"}]}]})";
  u.runs = 20;
  u.seed = 3;
  u.sensitivity = true;
  auto result = run_index_uncertainty(staff(), u);
  ASSERT_TRUE(result.ok()) << result.problem().detail;
  const auto path = temp_file("ua.xlsx");
  ASSERT_TRUE(write_index_uncertainty_xlsx(result.value(), path).ok());
  const std::string bytes = bytes_of(path);
  auto names = io::list_xlsx_sheets(bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"RankStats", "Sensitivity"}));
  const auto ranks = sheet(bytes, "RankStats");
  EXPECT_EQ(ranks.rows[0], (std::vector<std::string>{"uCode", "Nominal", "Mean", "Median", "Q5", "Q95"}));
  ASSERT_EQ(ranks.rows.size(), 52u);
  EXPECT_EQ(ranks.rows[1][1], "1") << "rows by nominal rank";
  EXPECT_EQ(sheet(bytes, "Sensitivity").rows.size(), 2u);
  result->sensitivity = false;
  ASSERT_TRUE(write_index_uncertainty_xlsx(result.value(), path).ok());
  EXPECT_EQ(io::list_xlsx_sheets(bytes_of(path)).value(), (std::vector<std::string>{"RankStats"}));
}

TEST(IndexConvert, ASheetBecomesCsvTheIndexReads) {
  // iMeta written into a workbook (numbers as numbers), converted back and parsed as iMeta.
  auto meta = io::parse_csv_table(asem("ASEM_iMeta.csv"));
  ASSERT_TRUE(meta.ok());
  const auto path = temp_file("meta.xlsx");
  {
    std::vector<io::XlsxColumn> cols;
    for (const auto& h : meta->header) cols.push_back({h, 0});
    auto w = io::XlsxWriter::create(path, "Notes", {{"note", 0}});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w->write_text_row({"iMeta is on the next sheet, with a comma, and \"quotes\""}).ok());
    ASSERT_TRUE(w->add_sheet("iMeta", cols).ok());
    for (const auto& rec : meta->rows) {
      std::vector<io::XlsxCell> cells;
      for (const auto& f : rec.fields) {
        auto n = io::parse_number_cell(f);
        if (!f.empty() && n.ok()) cells.emplace_back(n.value());
        else cells.emplace_back(f);
      }
      ASSERT_TRUE(w->write_row(cells).ok());
    }
    ASSERT_TRUE(w->close().ok());
  }
  const std::string bytes = bytes_of(path);
  auto first = xlsx_to_csv(staff(), bytes, "");
  ASSERT_TRUE(first.ok()) << first.problem().detail;
  EXPECT_EQ(first->sheets, (std::vector<std::string>{"Notes", "iMeta"}));
  EXPECT_EQ(first->sheet, "Notes");
  EXPECT_EQ(first->csv, "note\n\"iMeta is on the next sheet, with a comma, and \"\"quotes\"\"\"\n");
  auto converted = xlsx_to_csv(staff(), bytes, "iMeta");
  ASSERT_TRUE(converted.ok()) << converted.problem().detail;
  auto rows = io::parse_imeta(converted->csv);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  auto original = io::parse_imeta(asem("ASEM_iMeta.csv"));
  ASSERT_TRUE(original.ok());
  const auto& got = rows.value();
  const auto& want = original.value();
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].code, want[i].code);
    EXPECT_EQ(got[i].parent, want[i].parent);
    if (std::isnan(want[i].weight)) {
      EXPECT_TRUE(std::isnan(got[i].weight)) << got[i].code;
    } else {
      EXPECT_EQ(got[i].weight, want[i].weight) << got[i].code;
    }
    EXPECT_EQ(got[i].direction, want[i].direction);
    if (!std::isnan(want[i].target)) {
      EXPECT_DOUBLE_EQ(got[i].target, want[i].target);
    }
  }
}

TEST(IndexConvert, RefusesWhatIsNotAWorkbook) {
  EXPECT_EQ(xlsx_to_csv(staff(), "uCode,LPI\nAUT,1\n", "").problem().errors.at(0).field, "body");
  EXPECT_EQ(xlsx_to_csv(staff(), "", "").problem().errors.at(0).field, "body");
  EXPECT_EQ(xlsx_to_csv(staff(), std::string("PK\x03\x04garbage", 11), "").problem().errors.at(0).field, "body");
  EXPECT_EQ(xlsx_to_csv(staff(), std::string(kMaxConvertBytes + 1, 'P'), "").problem().status, 413);
  const auto path = temp_file("one.xlsx");
  {
    auto w = io::XlsxWriter::create(path, "Only", {{"a", 0}});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w->close().ok());
  }
  auto missing = xlsx_to_csv(staff(), bytes_of(path), "Other");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.problem().errors.at(0).field, "sheet");
  Actor enterprise;
  enterprise.role = Role::enterprise;
  EXPECT_EQ(xlsx_to_csv(enterprise, bytes_of(path), "").problem().status, 403);
}

}  // namespace
}  // namespace kc::app
