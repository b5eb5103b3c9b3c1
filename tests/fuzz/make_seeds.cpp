// Writes the small seed corpora for the fuzz targets: a workbook from XlsxWriter (inline strings),
// a hand-assembled one with shared strings and sparse cells, and text and code samples.
// Usage: make_seeds <output dir>   (built and run by tests/fuzz/run.sh)
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/xlsx_writer.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// `stored` keeps the parts uncompressed so the fuzzer's mutations land in the XML itself.
bool shared_strings_book(const fs::path& p, bool stored) {
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"_rels/.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"},
      {"xl/sharedStrings.xml",
       R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>企业名称</t></si><si><r><t>富</t></r><r><t>文本_x000D_</t></r></si></sst>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="B3"><v>1.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>)"},
  };
  int err = 0;
  zip_t* z = zip_open(p.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (z == nullptr) return false;
  for (const auto& [name, data] : parts) {
    zip_int64_t i = zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0),
                                 ZIP_FL_OVERWRITE);
    if (i < 0) return false;
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i),
                             stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  return zip_close(z) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds <dir>\n");
    return 2;
  }
  const fs::path out = argv[1];
  for (const char* d : {"xlsx", "xlsx_parts", "text", "domain"}) fs::create_directories(out / d);

  auto w = kc::io::XlsxWriter::create(out / "xlsx" / "writer.xlsx", "企业名录",
                                      {{"代码", 20}, {"金额", 0}, {"高企", 0}});
  if (!w) {
    std::fprintf(stderr, "%s\n", w.error().message.c_str());
    return 1;
  }
  for (int i = 0; i < 5; ++i)
    static_cast<void>(w->write_row({std::string("914403001922038216"), 12.5 * i, i % 2 == 0}));
  if (!w->close()) return 1;
  if (!shared_strings_book(out / "xlsx" / "shared.xlsx", false)) return 1;
  if (!shared_strings_book(out / "xlsx" / "stored.xlsx", true)) return 1;

  // xlsx_parts seeds: sheet \0 shared strings \0 workbook \0 workbook rels (missing parts
  // defaulted).
  const std::string nul(1, '\0');
  write(
      out / "xlsx_parts" / "cells",
      R"(<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c r="D2" t="b"><v>1</v></c>)"
      R"(<c t="inlineStr"><is><r><t>a</t></r><rPh><t>p</t></rPh></is></c><c r="G2" t="e"><v>#N/A</v></c></row>)"
      R"(<row><c><v>1.5E3</v></c></row></sheetData></worksheet>)" +
          nul + R"(<sst><si><t>a_x0041_</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>)");
  write(
      out / "xlsx_parts" / "prefixed",
      R"(<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:v>s</x:v></x:c></x:row></x:sheetData></x:worksheet>)");
  write(
      out / "xlsx_parts" / "two_sheets",
      R"(<worksheet><sheetData/></worksheet>)" + nul + "<sst/>" + nul +
          R"(<workbook xmlns:r="r"><sheets><sheet name="A" r:id="rId1"/><sheet name="B" r:id="rId9"/></sheets></workbook>)" +
          nul +
          R"(<Relationships><Relationship Id="rId1" Type="/worksheet" Target="/xl/worksheets/../worksheets/sheet1.xml"/></Relationships>)");
  write(out / "text" / "utf8.csv", "企业名称,金额\n华为,1\n");
  write(out / "text" / "bom.csv",
        "\xEF\xBB\xBF"
        "a,b\r\n");
  write(out / "text" / "gbk.csv", "\xD6\xD0\xCE\xC4,1\n");
  write(out / "text" / "utf16.csv", std::string("\xFF\xFE"
                                                "A\x00\x2D\x4E",
                                                6));

  const char* const domain_seeds[] = {"914403001922038216",
                                      "9144030071526726xg",
                                      "ＣＮ２０１５１０９５８７７２．０",
                                      "ZL 99113861.9",
                                      "330106",
                                      "C3911",
                                      "I65",
                                      "1,234.56",
                                      "12.5万元",
                                      "-1.2亿",
                                      "新材料",
                                      "8"};
  int n = 0;
  for (const char* s : domain_seeds) write(out / "domain" / ("seed" + std::to_string(n++)), s);
  return 0;
}
