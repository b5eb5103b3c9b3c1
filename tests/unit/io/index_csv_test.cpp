#include "io/index_csv.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "index/pipeline.hpp"
#include "io/csv.hpp"

namespace kc::io {
namespace {

const char* kMeta =
    "Level,iCode,iName,Direction,Weight,Type,Parent,Target,Denominator\n"
    "1,a,A,1,1,Indicator,I,,Pop\n"
    "1,b,B,-1,2,Indicator,I,5,\n"
    "2,I,Index,1,1,Aggregate,,,\n"
    ",G,Group,,,Group,,,\n"
    ",Pop,Population,,,Denominator,,,\n";

TEST(IndexCsv, ReadsCoinrConventions) {
  auto d = parse_index_csv(
      "uCode,uName,G,Pop,a,b,Time\nX,\"Ex, Y\",g1,2,4,NA,2020\nY,Why,,4,,3,2020\n", kMeta);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->raw.columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(d->raw.values[0][0], 4);
  EXPECT_TRUE(std::isnan(d->raw.values[0][1]));
  EXPECT_TRUE(std::isnan(d->raw.values[1][0]));
  EXPECT_EQ(d->units.names[0], "Ex, Y");
  EXPECT_EQ(d->units.group("G")->values, (std::vector<std::string>{"g1", ""}));
  EXPECT_EQ(d->units.denominator("Pop")->values[1], 4);
  EXPECT_EQ(d->units.time[0], 2020);
  const auto& b = d->framework.rows()[1];
  EXPECT_EQ(b.direction, -1);
  EXPECT_EQ(b.weight, 2);
  EXPECT_EQ(b.target, 5);
}

// The CSV reader's caps reach the index files with their code and params, the file named.
TEST(IndexCsv, CapsOnFieldsAndCellsKeepTheirCodes) {
  std::string wide = "uCode";
  for (int i = 0; i < 20'000; ++i) wide += ",c" + std::to_string(i);
  auto fields = parse_index_csv(wide + "\n", kMeta);
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().code, "csv.too_many_fields");
  EXPECT_EQ(fields.error().message.rfind("iData: ", 0), 0u) << fields.error().message;
  ASSERT_EQ(fields.error().params.size(), 3u);
  EXPECT_EQ(std::get<std::int64_t>(fields.error().params[0].second), 16'384);

  // 2,000,001 cells: one column of uCode and a header.
  std::string tall = "uCode\n";
  tall.reserve(kMaxIndexCsvCells * 2 + 16);
  for (std::size_t i = 0; i < kMaxIndexCsvCells; ++i) tall += "u\n";
  auto cells = parse_index_csv(tall, kMeta);
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.error().code, "csv.too_many_cells");
  EXPECT_EQ(std::get<std::int64_t>(cells.error().params[0].second), static_cast<std::int64_t>(kMaxIndexCsvCells));
}

// Found by the index_csv fuzz target: a Level of 1.9e59 (or Inf) was cast to int.
TEST(IndexCsv, LevelOutOfRangeIsAnError) {
  for (const char* level : {"1.88889e+59", "Inf", "-1e300", "1001"}) {
    auto d = parse_imeta(std::string("Level,iCode,Type,Parent\n") + level + ",a,Indicator,\n");
    ASSERT_FALSE(d.ok()) << level;
    EXPECT_EQ(d.error().code, "index_csv.cell") << level;
    EXPECT_NE(d.error().message.find("Level must be a whole number from -1000 to 1000"), std::string::npos)
        << d.error().message;
  }
  EXPECT_TRUE(parse_imeta("Level,iCode,Type,Parent\n1000,a,Indicator,\n").ok());
}

TEST(IndexCsv, ClearErrors) {
  auto bad_num = parse_index_csv("uCode,a,b\nX,1,two\n", kMeta);
  ASSERT_FALSE(bad_num.ok());
  EXPECT_NE(bad_num.error().message.find("line 2"), std::string::npos);
  EXPECT_NE(bad_num.error().message.find("column b"), std::string::npos);
  EXPECT_NE(bad_num.error().message.find("'two'"), std::string::npos);

  auto unknown = parse_index_csv("uCode,a,b,zzz,G\nX,1,2,3,g\n", kMeta);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("zzz"), std::string::npos);

  auto no_ucode = parse_index_csv("code,a,b\nX,1,2\n", kMeta);
  ASSERT_FALSE(no_ucode.ok());
  EXPECT_NE(no_ucode.error().message.find("uCode"), std::string::npos);

  auto missing_ind = parse_index_csv("uCode,a,G\nX,1,g\n", kMeta);
  ASSERT_FALSE(missing_ind.ok());
  EXPECT_NE(missing_ind.error().message.find("'b'"), std::string::npos);

  auto bad_type = parse_imeta("Level,iCode,Type\n1,a,Indicatr\n");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_NE(bad_type.error().message.find("Indicatr"), std::string::npos);

  auto no_weight =
      parse_imeta("Level,iCode,Type,Weight,Parent\n1,a,Indicator,,I\n2,I,Aggregate,1,\n");
  ASSERT_FALSE(no_weight.ok());
  EXPECT_NE(no_weight.error().message.find("Weight"), std::string::npos);
}

TEST(IndexCsv, NumbersHave17SignificantDigitsAndEmptyForMissing) {
  EXPECT_EQ(format_number(0.1), "0.10000000000000001");
  EXPECT_EQ(format_number(100), "100");
  EXPECT_EQ(format_number(index::kNA), "");
  EXPECT_EQ(parse_number_cell(format_number(1.0 / 3)).value(), 1.0 / 3);
  EXPECT_TRUE(std::isnan(parse_number_cell(" NA ").value()));
  EXPECT_EQ(parse_number_cell("+2.5e3").value(), 2500);
  EXPECT_FALSE(parse_number_cell("1,5").ok());
}

TEST(IndexCsv, WritesDatasetsInMetaOrderAndResultsByRank) {
  auto d = parse_index_csv("uCode,G,Pop,b,a\nX,g,1,1,1\nY,g,1,3,2\n", kMeta);
  ASSERT_TRUE(d.ok()) << d.error().message;
  auto out = index::build(d.value(), index::PipelineSpec::defaults());
  ASSERT_TRUE(out.ok());
  const std::string csv = dataset_csv(*out->find("Aggregated"), d->framework);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "uCode,a,b,I");
  // a: X 0, Y 100; b (direction −1): X 100, Y 0; I = Σ (w/Σw)·x, as COINr's a_amean.
  const std::string x_index = format_number(2.0 / 3 * 100), y_index = format_number(1.0 / 3 * 100);
  EXPECT_NE(csv.find("X,0,100," + x_index + "\n"), std::string::npos) << csv;
  const std::string res = results_csv(out->results);
  EXPECT_EQ(res, "uCode,I,Rank\nX," + x_index + ",1\nY," + y_index + ",2\n");
}

TEST(IndexCsv, WriteBuildOutputsCreatesEveryFile) {
  auto d = parse_index_csv("uCode,G,Pop,a,b\nX,g,1,1,1\nY,g,2,2,3\nZ,g,4,5,5\nW,g,1,9,1\n", kMeta);
  ASSERT_TRUE(d.ok());
  index::PipelineSpec spec;
  for (auto op :
       {index::Op::Denominate, index::Op::Treat, index::Op::Normalise, index::Op::Aggregate}) {
    index::Step s;
    s.op = op;
    spec.steps.push_back(s);
  }
  auto out = index::build(d.value(), spec);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const auto dir = std::filesystem::temp_directory_path() / "kc_index_csv_test";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(write_build_outputs(dir.string(), out.value(), d->framework).ok());
  for (const char* f : {"Raw.csv", "Denominated.csv", "Treated.csv", "Normalised.csv",
                        "Aggregated.csv", "results.csv", "treat_details.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  auto td = read_file((dir / "treat_details.csv").string());
  EXPECT_EQ(td->substr(0, 26), "iCode,check_SkewKurt0.Pass");
  std::filesystem::remove_all(dir);
}

TEST(IndexCsv, UncertaintyFiles) {
  index::RankStats st;
  st.units = {"A", "B"};
  st.nominal = {2, 1};
  st.mean = {2.5, 1};
  st.median = {2, 1};
  st.q5 = {1, 1};
  st.q95 = {3, 1};
  EXPECT_EQ(rank_stats_csv(st), "uCode,Nominal,Mean,Median,Q5,Q95\nB,1,1,1,1,1\nA,2,2.5,2,1,3\n");
  index::SensitivityIndex s{"winmax", 0.5, 0.75, 0.25, 0.5, 0.5, 1};
  EXPECT_EQ(sensitivity_csv({s}),
            "factor,Si,STi,Si_q5,Si_q95,STi_q5,STi_q95\nwinmax,0.5,0.75,0.25,0.5,0.5,1\n");
}

}  // namespace
}  // namespace kc::io
