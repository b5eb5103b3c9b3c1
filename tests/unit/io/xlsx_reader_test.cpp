#include "io/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using kc::io::read_xlsx;
using kc::io::XlsxLimits;
using kc::io::XlsxReadOptions;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// One folder per process (ctest runs tests, and other build trees run this binary, in parallel),
// removed when the process exits.
struct ScratchDir {
  std::filesystem::path path = std::filesystem::path(::testing::TempDir()) /
                               ("kc_xlsx_reader_test_" + std::to_string(::getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::filesystem::path temp_path(const std::string& name) {
  static ScratchDir scratch;
  const auto& dir = scratch.path;
  return dir / name;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Builds a zip with libzip (deflated entries) and returns its bytes.
std::string make_zip(const Entries& entries) {
  auto path = temp_path("build.zip");
  std::filesystem::remove(path);
  int err = 0;
  zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t idx = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    EXPECT_GE(idx, 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
  }
  EXPECT_EQ(zip_close(z), 0);
  return slurp(path);
}

const char* const kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

std::string workbook(const std::vector<std::string>& names) {
  std::string s =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  for (std::size_t i = 0; i < names.size(); ++i)
    s += "<sheet name=\"" + names[i] + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"rId" +
         std::to_string(i + 1) + "\"/>";
  return s + "</sheets></workbook>";
}

std::string workbook_rels(std::size_t sheets, bool shared_strings) {
  std::string s =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (std::size_t i = 0; i < sheets; ++i)
    s +=
        "<Relationship Id=\"rId" + std::to_string(i + 1) +
        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet" +
        std::to_string(i + 1) + ".xml\"/>";
  if (shared_strings)
    s +=
        R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>)";
  return s + "</Relationships>";
}

std::string sheet(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// A one-sheet workbook whose sheet data is `rows`, with the given shared strings.
std::string book(const std::string& rows, const std::vector<std::string>& shared = {}) {
  std::string sst =
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (const auto& s : shared) sst += "<si><t xml:space=\"preserve\">" + s + "</t></si>";
  sst += "</sst>";
  return make_zip({{"_rels/.rels", kRootRels},
                   {"xl/workbook.xml", workbook({"Sheet1"})},
                   {"xl/_rels/workbook.xml.rels", workbook_rels(1, true)},
                   {"xl/sharedStrings.xml", sst},
                   {"xl/worksheets/sheet1.xml", sheet(rows)}});
}

std::string error_code(const std::string& bytes, const XlsxReadOptions& options = {}) {
  auto r = read_xlsx(bytes, options);
  EXPECT_FALSE(r.ok());
  return r ? std::string() : r.error().code;
}

}  // namespace

TEST(XlsxReader, ReadsEveryCellKind) {
  const std::string rows =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>行内</t></is></c></row>)"
      R"(<row r="2"><c r="A2"><v>12.5</v></c><c r="B2" t="n"><v>1E-3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>)"
      R"(<c r="E2" t="e"><v>#N/A</v></c><c r="F2" s="1"><v>45321</v></c><c r="G2" t="str"><f>A1&amp;B1</f><v>计算</v></c></row>)";
  auto r = read_xlsx(book(rows, {"企业名称", " "}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "Sheet1");
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0], (std::vector<std::string>{"企业名称", " ", "行内"}));
  EXPECT_EQ(r->rows[1],
            (std::vector<std::string>{"12.5", "1E-3", "TRUE", "FALSE", "#N/A", "45321", "计算"}));
}

TEST(XlsxReader, SparseCellsAndRows) {
  const std::string rows = R"(<row r="2"><c r="C2"><v>3</v></c><c r="AA2"><v>27</v></c></row>)"
                           R"(<row r="5"><c r="B5" s="2"/></row>)";
  auto r = read_xlsx(book(rows));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rows.size(), 5u);
  EXPECT_TRUE(r->rows[0].empty());
  ASSERT_EQ(r->rows[1].size(), 27u);
  EXPECT_EQ(r->rows[1][2], "3");
  EXPECT_EQ(r->rows[1][26], "27");
  EXPECT_EQ(r->rows[1][0], "");
  EXPECT_TRUE(r->rows[2].empty());
  EXPECT_EQ(r->rows[4], (std::vector<std::string>{"", ""}));  // a styled empty cell still counts
}

TEST(XlsxReader, CellsWithoutReferencesFollowOnePerColumn) {
  auto r = read_xlsx(book(
      R"(<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>x</v></c><c><v>y</v></c></row>)"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows[0], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(r->rows[1], (std::vector<std::string>{"", "x", "y"}));
}

TEST(XlsxReader, RichTextPhoneticAndEscapes) {
  const std::string sst =
      R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<si><r><rPr><b/></rPr><t>科技</t></r><r><t xml:space="preserve"> 局</t></r><rPh sb="0" eb="1"><t>KE</t></rPh></si>)"
      R"(<si><t>line1_x000D__x000A_line2 _x005F_x0041_</t></si></sst>)";
  auto bytes = make_zip(
      {{"_rels/.rels", kRootRels},
       {"xl/workbook.xml", workbook({"S"})},
       {"xl/_rels/workbook.xml.rels", workbook_rels(1, true)},
       {"xl/sharedStrings.xml", sst},
       {"xl/worksheets/sheet1.xml",
        sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)")}});
  auto r = read_xlsx(bytes);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows[0][0], "科技 局");
  EXPECT_EQ(r->rows[0][1], "line1\r\nline2 _x0041_");
}

TEST(XlsxReader, PrefixedNamespacesAndNoRootRels) {
  // Some generators write "x:" prefixes; some omit _rels/.rels (the standard location is used).
  const std::string ws =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
  auto bytes = make_zip({{"xl/workbook.xml", workbook({"P"})},
                         {"xl/_rels/workbook.xml.rels", workbook_rels(1, false)},
                         {"xl/worksheets/sheet1.xml", ws}});
  auto r = read_xlsx(bytes);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows[0][0], "前缀");
}

TEST(XlsxReader, ChoosesSheetByName) {
  auto bytes =
      make_zip({{"_rels/.rels", kRootRels},
                {"xl/workbook.xml", workbook({"说明", "数据"})},
                {"xl/_rels/workbook.xml.rels", workbook_rels(2, false)},
                {"xl/worksheets/sheet1.xml", sheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")},
                {"xl/worksheets/sheet2.xml", sheet(R"(<row r="1"><c r="A1"><v>2</v></c></row>)")}});
  auto first = read_xlsx(bytes);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->name, "说明");
  EXPECT_EQ(first->rows[0][0], "1");
  XlsxReadOptions options;
  options.sheet_name = "数据";
  auto second = read_xlsx(bytes, options);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->rows[0][0], "2");
  options.sheet_name = "Missing";
  auto missing = read_xlsx(bytes, options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "xlsx.no_sheet");
  EXPECT_NE(missing.error().message.find("说明、数据"), std::string::npos)
      << missing.error().message;
  auto names = kc::io::list_xlsx_sheets(bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"说明", "数据"}));
}

TEST(XlsxReader, ReadsFromFile) {
  auto path = temp_path("file.xlsx");
  {
    std::ofstream out(path, std::ios::binary);
    out << book(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", {"文件"});
  }
  auto r = kc::io::read_xlsx_file(path);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows[0][0], "文件");
  auto missing = kc::io::read_xlsx_file(temp_path("does-not-exist.xlsx"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "xlsx.unreadable");
  XlsxReadOptions small;
  small.limits.max_file_bytes = 100;
  EXPECT_EQ(kc::io::read_xlsx_file(path, small).error().code, "xlsx.file_too_large");
}

TEST(XlsxReader, LimitFileSize) {
  XlsxReadOptions options;
  options.limits.max_file_bytes = 200;
  auto r = read_xlsx(book("<row/>"), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.file_too_large");
  EXPECT_NE(r.error().message.find(", limit 200 B)"), std::string::npos) << r.error().message;
}

TEST(XlsxReader, LimitEntryCount) {
  Entries entries = {{"_rels/.rels", kRootRels},
                     {"xl/workbook.xml", workbook({"S"})},
                     {"xl/_rels/workbook.xml.rels", workbook_rels(1, false)},
                     {"xl/worksheets/sheet1.xml", sheet("")}};
  for (int i = 0; i < 20; ++i)
    entries.emplace_back("xl/media/pad" + std::to_string(i) + ".bin", "x");
  auto bytes = make_zip(entries);
  XlsxReadOptions options;
  options.limits.max_entries = 10;
  EXPECT_EQ(error_code(bytes, options), "xlsx.too_many_entries");
  options.limits.max_entries = 24;
  EXPECT_TRUE(read_xlsx(bytes, options).ok());
}

TEST(XlsxReader, LimitEntryAndTotalSize) {
  std::string big_row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
                        std::string(50'000, 'a') + "</t></is></c></row>";
  auto bytes = book(big_row);
  XlsxReadOptions options;
  options.limits.max_entry_bytes = 20'000;
  EXPECT_EQ(error_code(bytes, options), "xlsx.entry_too_large");
  options.limits.max_entry_bytes = 1 << 20;
  options.limits.max_total_bytes = 40'000;
  EXPECT_EQ(error_code(bytes, options), "xlsx.total_too_large");
  options.limits.max_total_bytes = 1 << 20;
  auto ok = read_xlsx(bytes, options);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->rows[0][0].size(), 50'000u);
}

TEST(XlsxReader, RefusesZipBomb) {
  // 8 MiB of one repeated byte deflates about 1000:1; it is refused from the directory alone.
  Entries entries = {{"_rels/.rels", kRootRels},
                     {"xl/workbook.xml", workbook({"S"})},
                     {"xl/_rels/workbook.xml.rels", workbook_rels(1, false)},
                     {"xl/worksheets/sheet1.xml", sheet("")},
                     {"xl/media/bomb.bin", std::string(8u << 20, '0')}};
  auto bytes = make_zip(entries);
  EXPECT_LT(bytes.size(), 100'000u);
  auto r = read_xlsx(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.ratio");
  EXPECT_NE(r.error().message.find("xl/media/bomb.bin"), std::string::npos) << r.error().message;
}

TEST(XlsxReader, RefusesEntryThatInflatesBeyondItsDeclaredSize) {
  std::string row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(5000, 'b') +
                    "</t></is></c></row>";
  std::string bytes = book(row);
  // Lie about the sheet's uncompressed size in both its local and central headers.
  const std::string name = "xl/worksheets/sheet1.xml";
  int patched = 0;
  for (std::size_t pos = 0; (pos = bytes.find(name, pos)) != std::string::npos;
       pos += name.size()) {
    if (pos >= 30 && bytes.compare(pos - 30, 4, "PK\x03\x04") == 0) {
      bytes.replace(pos - 30 + 22, 4, std::string("\x64\x00\x00\x00", 4));  // 100 bytes
      ++patched;
    } else if (pos >= 46 && bytes.compare(pos - 46, 4, "PK\x01\x02") == 0) {
      bytes.replace(pos - 46 + 24, 4, std::string("\x64\x00\x00\x00", 4));
      ++patched;
    }
  }
  ASSERT_EQ(patched, 2);
  auto r = read_xlsx(bytes);
  ASSERT_FALSE(r.ok());
  // libzip inflates happily past the declared size; the reader's own chunked check stops it.
  EXPECT_EQ(r.error().code, "xlsx.size_mismatch") << r.error().message;
}

TEST(XlsxReader, LimitRowsAndColumns) {
  XlsxReadOptions options;
  options.limits.max_rows = 2;
  EXPECT_EQ(error_code(book(R"(<row r="1"/><row r="2"/><row r="3"/>)"), options),
            "xlsx.too_many_rows");
  EXPECT_EQ(error_code(book(R"(<row r="1048577"/>)")), "xlsx.too_many_rows");
  EXPECT_EQ(error_code(book(R"(<row/><row/><row/>)"), options), "xlsx.too_many_rows");
  EXPECT_TRUE(read_xlsx(book(R"(<row r="1"/><row r="2"/>)"), options).ok());
  options.limits.max_columns = 3;
  auto wide = read_xlsx(book(R"(<row r="1"><c r="D1"><v>1</v></c></row>)"), options);
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.error().code, "xlsx.too_many_columns");
  EXPECT_EQ(error_code(book(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")),
            "xlsx.too_many_columns");
}

TEST(XlsxReader, LimitCellsCountsSparsePadding) {
  // Two cells in the file, but the second row pads out to column J: 2 rows × 10 columns.
  const std::string rows =
      R"(<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="J2"><v>1</v></c></row>)";
  XlsxReadOptions options;
  options.limits.max_cells = 19;
  auto r = read_xlsx(book(rows), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.too_many_cells");
  options.limits.max_cells = 20;
  EXPECT_TRUE(read_xlsx(book(rows), options).ok());
}

std::int64_t param(const kc::domain::Error& e, const std::string& name) {
  for (const auto& [n, v] : e.params)
    if (n == name) return std::get<std::int64_t>(v);
  ADD_FAILURE() << "no param " << name << " in " << e.code;
  return -1;
}

// Issue 9: A1 plus XFD1048576 is a 1.6 KB file that pads to 2^34 cells. The reader refuses it at
// the last row, before allocating it, naming the limit and the padded count.
TEST(XlsxReader, LimitCellsRefusesA1AndXfd1048576) {
  const std::string rows = R"(<row r="1"><c r="A1"><v>1</v></c></row>)"
                           R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)";
  auto r = read_xlsx(book(rows));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.too_many_cells");
  EXPECT_EQ(param(r.error(), "limit"), 10'000'000);
  EXPECT_EQ(param(r.error(), "cells"), 1048576ll * 16384ll);
  EXPECT_NE(r.error().message.find("10000000"), std::string::npos) << r.error().message;
}

// A wide first row makes every later row cost its width, even rows of one cell.
TEST(XlsxReader, LimitCellsCountsRowsAfterTheWidestRow) {
  std::string rows = R"(<row r="1"><c r="J1"><v>1</v></c></row>)";
  for (int i = 2; i <= 5; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\"><v>1</v></c></row>";
  XlsxReadOptions options;
  options.limits.max_cells = 49;
  auto r = read_xlsx(book(rows), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.too_many_cells");
  EXPECT_EQ(param(r.error(), "cells"), 50);
  options.limits.max_cells = 50;
  EXPECT_TRUE(read_xlsx(book(rows), options).ok());
}

// One shared string referred to by many cells is copied into each: the copies count.
TEST(XlsxReader, LimitTextCountsSharedStringCopies) {
  const std::string text(1000, 'x');
  std::string rows = "<row r=\"1\">";
  for (int c = 0; c < 100; ++c) rows += "<c t=\"s\"><v>0</v></c>";
  rows += "</row>";
  XlsxReadOptions options;
  options.limits.max_text_bytes = 50'000;
  auto r = read_xlsx(book(rows, {text}), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.too_much_text");
  EXPECT_EQ(param(r.error(), "limit"), 50'000);
  EXPECT_GT(param(r.error(), "bytes"), 50'000);
  options.limits.max_text_bytes = 101'000;  // the table (1,000) and 100 copies
  EXPECT_TRUE(read_xlsx(book(rows, {text}), options).ok());
}

TEST(XlsxReader, LimitTextCountsTheSharedStringTableAndInlineText) {
  XlsxReadOptions options;
  options.limits.max_text_bytes = 100;
  auto table = read_xlsx(book("", {std::string(60, 'a'), std::string(60, 'b')}), options);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, "xlsx.too_much_text");
  auto inline_text = read_xlsx(
      book(R"(<row r="1"><c t="inlineStr"><is><t>)" + std::string(101, 'c') + "</t></is></c></row>"),
      options);
  ASSERT_FALSE(inline_text.ok());
  EXPECT_EQ(inline_text.error().code, "xlsx.too_much_text");
}

// The parsed tree costs tens of bytes per element: elements are counted before parsing.
TEST(XlsxReader, LimitXmlElementsBeforeParsing) {
  std::string rows = "<row r=\"1\">";
  for (int c = 0; c < 500; ++c) rows += "<c/>";
  rows += "</row>";
  XlsxReadOptions options;
  options.limits.max_nodes = 400;
  auto r = read_xlsx(book(rows), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "xlsx.too_many_nodes");
  EXPECT_EQ(param(r.error(), "limit"), 400);
  EXPECT_EQ(param(r.error(), "nodes"), 503);  // worksheet, sheetData, row and 500 cells
  options.limits.max_nodes = 600;
  EXPECT_TRUE(read_xlsx(book(rows), options).ok());
}

TEST(XlsxReader, RefusesMalformedFiles) {
  auto not_zip = read_xlsx("this is not a zip file");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.error().code, "xlsx.not_zip");
  EXPECT_EQ(error_code(""), "xlsx.empty");
  EXPECT_EQ(error_code(make_zip({{"hello.txt", "hi"}})), "xlsx.missing_part");
  EXPECT_EQ(error_code(make_zip({{"xl/workbook.xml", workbook({"S"})}})), "xlsx.missing_part");
  EXPECT_EQ(error_code(make_zip({{"xl/workbook.xml", "<workbook><sheets>"}})), "xlsx.bad_xml");
  EXPECT_EQ(error_code(make_zip({{"xl/workbook.xml", workbook({})},
                                 {"xl/_rels/workbook.xml.rels", workbook_rels(0, false)}})),
            "xlsx.no_sheet");
  auto bad_xml = read_xlsx(book("<row><c><v>1</v></row>"));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_EQ(bad_xml.error().code, "xlsx.bad_xml");
  EXPECT_NE(bad_xml.error().message.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST(XlsxReader, RefusesBadCellsWithTheirReference) {
  auto sst = read_xlsx(book(R"(<row r="3"><c r="B3" t="s"><v>7</v></c></row>)", {"only"}));
  ASSERT_FALSE(sst.ok());
  EXPECT_EQ(sst.error().code, "xlsx.bad_cell");
  EXPECT_NE(sst.error().message.find("cell B3 refers to shared string '7' but there are 1"),
            std::string::npos)
      << sst.error().message;
  EXPECT_EQ(error_code(book(R"(<row r="1"><c r="A1" t="s"><v>x</v></c></row>)", {"a"})),
            "xlsx.bad_cell");
  EXPECT_EQ(error_code(book(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")), "xlsx.bad_cell");
  EXPECT_EQ(error_code(book(R"(<row r="1"><c r="a1"><v>1</v></c></row>)")), "xlsx.bad_cell");
  EXPECT_EQ(error_code(book(R"(<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>)")),
            "xlsx.bad_cell");
  EXPECT_EQ(error_code(book(R"(<row r="2"/><row r="1"/>)")), "xlsx.bad_cell");
  EXPECT_EQ(error_code(book(R"(<row r="0"/>)")), "xlsx.bad_cell");
  EXPECT_EQ(error_code(book(R"(<row r="-1"/>)")), "xlsx.bad_cell");
}

TEST(XlsxReader, ColumnIndex) {
  EXPECT_EQ(kc::io::column_index("A"), 0u);
  EXPECT_EQ(kc::io::column_index("Z"), 25u);
  EXPECT_EQ(kc::io::column_index("AA"), 26u);
  EXPECT_EQ(kc::io::column_index("AZ"), 51u);
  EXPECT_EQ(kc::io::column_index("XFD"), 16383u);
  EXPECT_FALSE(kc::io::column_index("").has_value());
  EXPECT_FALSE(kc::io::column_index("AAAA").has_value());
  EXPECT_FALSE(kc::io::column_index("a").has_value());
  EXPECT_FALSE(kc::io::column_index("A1").has_value());
}
