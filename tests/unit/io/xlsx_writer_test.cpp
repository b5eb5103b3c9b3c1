#include "io/xlsx_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/xlsx_reader.hpp"

using kc::io::XlsxCell;
using kc::io::XlsxColumn;
using kc::io::XlsxWriter;

namespace {

// One folder per process (ctest runs tests, and other build trees run this binary, in parallel),
// removed when the process exits.
struct ScratchDir {
  std::filesystem::path path = std::filesystem::path(::testing::TempDir()) /
                               ("kc_xlsx_writer_test_" + std::to_string(::getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::filesystem::path temp_path(const std::string& name) {
  static ScratchDir scratch;
  const auto& dir = scratch.path;
  auto p = dir / name;
  std::filesystem::remove(p);
  return p;
}

// One part of the written package, read with libzip directly (not through the code under test).
std::string part(const std::filesystem::path& file, const char* name) {
  int err = 0;
  zip_t* z = zip_open(file.string().c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) return {};
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name, 0)) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

}  // namespace

TEST(XlsxWriter, WritesRowsThatTheReaderReadsBack) {
  auto path = temp_path("roundtrip.xlsx");
  {
    auto w = XlsxWriter::create(
        path, "企业名录",
        {{"统一社会信用代码", 22}, {"企业名称", 30}, {"研发投入（万元）", 0}, {"高企", 0}});
    ASSERT_TRUE(w.ok()) << w.error().message;
    ASSERT_TRUE(w->write_row({std::string("914403001922038216"), std::string("华为技术有限公司"),
                              1234.5, true})
                    .ok());
    ASSERT_TRUE(w->write_row({std::string("91330100799655058B"), XlsxCell{}, 0.25, false}).ok());
    ASSERT_TRUE(w->write_text_row({"a", "b"}).ok());
    EXPECT_EQ(w->data_rows_written(), 3u);
    ASSERT_TRUE(w->close().ok());
  }
  ASSERT_TRUE(std::filesystem::exists(path));
  auto sheet = kc::io::read_xlsx_file(path);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  EXPECT_EQ(sheet->name, "企业名录");
  ASSERT_EQ(sheet->rows.size(), 4u);
  EXPECT_EQ(sheet->rows[0],
            (std::vector<std::string>{"统一社会信用代码", "企业名称", "研发投入（万元）", "高企"}));
  EXPECT_EQ(sheet->rows[1],
            (std::vector<std::string>{"914403001922038216", "华为技术有限公司", "1234.5", "TRUE"}));
  ASSERT_EQ(sheet->rows[2].size(), 4u);
  EXPECT_EQ(sheet->rows[2][0], "91330100799655058B");
  EXPECT_EQ(sheet->rows[2][1], "");
  EXPECT_EQ(sheet->rows[2][2], "0.25");
  EXPECT_EQ(sheet->rows[2][3], "FALSE");
  EXPECT_EQ(sheet->rows[3], (std::vector<std::string>{"a", "b"}));
}

TEST(XlsxWriter, HeaderBoldWidthsAndFrozenHeader) {
  auto path = temp_path("format.xlsx");
  {
    auto w = XlsxWriter::create(path, "S", {{"A", 40}, {"B", 0}});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w->close().ok());
  }
  std::string styles = part(path, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  std::string ws = part(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(ws.find("<col min=\"1\" max=\"1\" width=\"40.7109375\" customWidth=\"1\"/>"),
            std::string::npos)
      << ws;
  EXPECT_EQ(ws.find("max=\"2\""), std::string::npos);  // column B keeps the default width
  EXPECT_NE(ws.find("state=\"frozen\""), std::string::npos);
  // Header cells carry the bold style (s="1"); constant-memory mode writes inline strings.
  EXPECT_NE(ws.find("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"), std::string::npos) << ws;
}

TEST(XlsxWriter, ManyRowsInConstantMemory) {
  auto path = temp_path("many.xlsx");
  {
    auto w = XlsxWriter::create(path, "Data", {{"n", 0}, {"text", 0}});
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < 20000; ++i)
      ASSERT_TRUE(
          w->write_row({static_cast<double>(i), std::string("行") + std::to_string(i)}).ok());
    ASSERT_TRUE(w->close().ok());
  }
  auto sheet = kc::io::read_xlsx_file(path);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  ASSERT_EQ(sheet->rows.size(), 20001u);
  EXPECT_EQ(sheet->rows[20000][0], "19999");
  EXPECT_EQ(sheet->rows[20000][1], "行19999");
}

TEST(XlsxWriter, RefusesBadInput) {
  EXPECT_EQ(XlsxWriter::create(temp_path("x.xlsx"), "S", {}).error().code, "xlsx_write.columns");
  auto bad_name = XlsxWriter::create(temp_path("x.xlsx"), "a/b", {{"A", 0}});
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().code, "xlsx_write.sheet_name");
  EXPECT_EQ(XlsxWriter::create(temp_path("x.xlsx"), std::string(32, 'n'), {{"A", 0}}).error().code,
            "xlsx_write.sheet_name");
  EXPECT_FALSE(XlsxWriter::create("/nonexistent-dir/x.xlsx", "S", {{"A", 0}}).ok());

  auto path = temp_path("bad.xlsx");
  auto w = XlsxWriter::create(path, "S", {{"A", 0}, {"B", 0}});
  ASSERT_TRUE(w.ok());
  auto too_wide = w->write_text_row({"1", "2", "3"});
  ASSERT_FALSE(too_wide.ok());
  EXPECT_EQ(too_wide.error().code, "xlsx_write.columns");
  EXPECT_NE(too_wide.error().message.find("row 2 has 3 cells"), std::string::npos)
      << too_wide.error().message;
  auto too_long = w->write_text_row({std::string(32768, 'x')});
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.error().message.find("cell A2"), std::string::npos)
      << too_long.error().message;
  ASSERT_TRUE(w->close().ok());
  EXPECT_EQ(w->write_text_row({"late"}).error().code, "xlsx_write.closed");
  EXPECT_EQ(w->close().error().code, "xlsx_write.closed");
}

TEST(XlsxWriter, AbandonedWriterLeavesNoFile) {
  auto path = temp_path("abandoned.xlsx");
  {
    auto w = XlsxWriter::create(path, "S", {{"A", 0}});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w->write_text_row({"half"}).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(XlsxWriter, MovesKeepOneOwner) {
  auto path = temp_path("moved.xlsx");
  auto w = XlsxWriter::create(path, "S", {{"A", 0}});
  ASSERT_TRUE(w.ok());
  XlsxWriter moved = std::move(w.value());
  ASSERT_TRUE(moved.write_text_row({"x"}).ok());
  ASSERT_TRUE(moved.close().ok());
  auto sheet = kc::io::read_xlsx_file(path);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->rows[1][0], "x");
}

TEST(XlsxWriter, SeveralSheetsEachWithItsOwnRows) {
  auto path = temp_path("sheets.xlsx");
  {
    auto w = XlsxWriter::create(path, "Results", {{"uCode", 10}, {"Index", 10}});
    ASSERT_TRUE(w.ok()) << w.error().message;
    ASSERT_TRUE(w->write_row({std::string("AUT"), 61.5}).ok());
    ASSERT_TRUE(w->write_row({std::string("BEL"), 58.25}).ok());
    ASSERT_TRUE(w->add_sheet("Raw", {{"uCode", 10}, {"LPI", 10}, {"Ship", 10}}).ok());
    EXPECT_EQ(w->data_rows_written(), 0u);
    // NaN and infinities have no form in the file: they become empty cells.
    ASSERT_TRUE(w->write_row({std::string("AUT"), std::nan(""), 1.0 / 0.0}).ok());
    EXPECT_FALSE(w->write_row({std::string("x"), 1.0, 2.0, 3.0}).ok()) << "the second sheet has 3 columns";
    EXPECT_FALSE(w->add_sheet("results", {{"a", 0}}).ok()) << "Excel names are case-insensitive";
    EXPECT_FALSE(w->add_sheet("bad/name", {{"a", 0}}).ok());
    ASSERT_TRUE(w->close().ok());
    EXPECT_FALSE(w->add_sheet("Later", {{"a", 0}}).ok());
  }
  auto bytes = kc::io::read_file(path.string());
  ASSERT_TRUE(bytes.ok());
  auto names = kc::io::list_xlsx_sheets(bytes.value());
  ASSERT_TRUE(names.ok()) << names.error().message;
  EXPECT_EQ(names.value(), (std::vector<std::string>{"Results", "Raw"}));
  kc::io::XlsxReadOptions first;
  auto results = kc::io::read_xlsx_file(path, first);
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(results->rows, (std::vector<std::vector<std::string>>{{"uCode", "Index"}, {"AUT", "61.5"}, {"BEL", "58.25"}}));
  kc::io::XlsxReadOptions raw;
  raw.sheet_name = "Raw";
  auto sheet = kc::io::read_xlsx_file(path, raw);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(sheet->rows[1], (std::vector<std::string>{"AUT"})) << "the missing numbers are empty cells";
}
