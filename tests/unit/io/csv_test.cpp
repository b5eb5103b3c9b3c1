#include "io/csv.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace kc::io {
namespace {

TEST(Csv, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto r = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r.value()[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(r.value()[1].line, 2u);
}

TEST(Csv, CrlfBomAndEmptyFields) {
  auto r = parse_csv("\xEF\xBB\xBFuCode,v\r\nA,\r\n,2\r\nC,3");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ(r.value()[0].fields[0], "uCode");
  EXPECT_EQ(r.value()[1].fields, (std::vector<std::string>{"A", ""}));
  EXPECT_EQ(r.value()[2].fields, (std::vector<std::string>{"", "2"}));
  EXPECT_EQ(r.value()[3].fields, (std::vector<std::string>{"C", "3"}));
  auto trailing = parse_csv("a,b,\n");
  EXPECT_EQ(trailing.value()[0].fields.size(), 3u);
  auto at_end = parse_csv("a,");
  EXPECT_EQ(at_end.value()[0].fields, (std::vector<std::string>{"a", ""}));
}

TEST(Csv, LineNumbersCountNewlinesInsideQuotes) {
  auto r = parse_csv("h\n\"a\nb\"\nc\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()[2].line, 4u);
}

TEST(Csv, ErrorsNameTheLine) {
  auto open = parse_csv("a\nb\n\"never closed\n");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.error().message.find("line 3"), std::string::npos);
  auto after = parse_csv("a\n\"x\"y\n");
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.error().message.find("line 2"), std::string::npos);
  auto stray = parse_csv("a\nb\"c\n");
  ASSERT_FALSE(stray.ok());
  auto ragged = parse_csv_table("a,b\n1,2\n3\n");
  ASSERT_FALSE(ragged.ok());
  EXPECT_NE(ragged.error().message.find("line 3"), std::string::npos);
  EXPECT_FALSE(parse_csv_table("").ok());
}

TEST(Csv, TableSkipsBlankLinesAndFindsColumns) {
  auto t = parse_csv_table("a,b\n1,2\n\n3,4\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->column("b"), 1);
  EXPECT_EQ(t->column("z"), -1);
  EXPECT_EQ(t->rows[1].line, 4u);
}

TEST(Csv, WriteQuotesOnlyWhenNeededAndRoundTrips) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("q\"q"), "\"q\"\"q\"");
  EXPECT_EQ(csv_field(" pad"), "\" pad\"");
  std::string out;
  std::vector<std::string> row{"x, y", "line\nbreak", "\"", "", "中文"};
  append_csv_row(out, row);
  auto back = parse_csv(out);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value()[0].fields, row);
}

// Feeds `text` to a streaming reader `chunk` bytes at a time.
CsvReader chunked(const std::string& text, std::size_t chunk) {
  auto pos = std::make_shared<std::size_t>(0);
  return CsvReader(
      [text, chunk, pos](char* out, std::size_t capacity) {
        const std::size_t n = std::min({chunk, capacity, text.size() - *pos});
        text.copy(out, n, *pos);
        *pos += n;
        return n;
      },
      64);
}

std::vector<CsvRecord> read_all(CsvReader reader, std::string* error = nullptr) {
  std::vector<CsvRecord> out;
  std::vector<std::string> fields;
  for (;;) {
    auto more = reader.next(fields);
    if (!more) {
      if (error) *error = more.error().message;
      return out;
    }
    if (!more.value()) return out;
    out.push_back({fields, reader.line()});
  }
}

TEST(Csv, StreamedInAnyChunkSizeReadsTheSameAsInMemory) {
  // Records cut anywhere: inside quotes, between "" of an escaped quote, between \r and \n, after a
  // trailing comma, inside the BOM.
  std::string text = "\xEF\xBB\xBFh1,h2,h3\r\n\"a \"\"q\"\" b\",\"multi\nline\",\r\n,,\n";
  for (int i = 0; i < 40; ++i) text += "row" + std::to_string(i) + ",\"x,y\"," + std::string(i, 'z') + "\n";
  text += "last,,";
  auto expected = parse_csv(text);
  ASSERT_TRUE(expected.ok());
  ASSERT_EQ(expected->size(), 44u);
  EXPECT_EQ(expected.value()[0].fields[0], "h1");
  for (std::size_t chunk : {1, 2, 3, 5, 7, 64, 1000}) {
    auto got = read_all(chunked(text, chunk));
    ASSERT_EQ(got.size(), expected->size()) << "chunk " << chunk;
    for (std::size_t r = 0; r < got.size(); ++r) {
      EXPECT_EQ(got[r].fields, expected.value()[r].fields) << "chunk " << chunk << " record " << r;
      EXPECT_EQ(got[r].line, expected.value()[r].line) << "chunk " << chunk << " record " << r;
    }
  }
}

TEST(Csv, StreamedErrorsNameTheSameLines) {
  for (const std::string text : {"a\nb\n\"never closed\n", "a\n\"x\"y\n", "a\nb\"c\n"}) {
    auto whole = parse_csv(text);
    ASSERT_FALSE(whole.ok());
    for (std::size_t chunk : {1, 2, 4}) {
      std::string error;
      read_all(chunked(text, chunk), &error);
      EXPECT_EQ(error, whole.error().message) << text << " in chunks of " << chunk;
    }
  }
}

std::int64_t param(const domain::Error& e, const std::string& name) {
  for (const auto& [n, v] : e.params)
    if (n == name) return std::get<std::int64_t>(v);
  ADD_FAILURE() << "no param " << name << " in " << e.code;
  return -1;
}

// Issue 9: a row of 20,000 fields is refused at field 16,385, before it is held.
TEST(Csv, LimitFieldsPerRow) {
  const std::string wide = "h\n" + std::string(19'999, ',') + "\n";
  auto r = parse_csv(wide);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "csv.too_many_fields");
  EXPECT_EQ(param(r.error(), "limit"), 16'384);
  EXPECT_EQ(param(r.error(), "line"), 2);
  EXPECT_NE(r.error().message.find("16384"), std::string::npos) << r.error().message;
  // Exactly the limit is fine, also with the trailing empty field of "a,".
  EXPECT_TRUE(parse_csv(std::string(16'383, ',') + "\n").ok());
  EXPECT_FALSE(parse_csv(std::string(16'384, ',')).ok());
  // A streamed reader refuses the same row, whatever the chunk size.
  for (std::size_t chunk : {7, 4096}) {
    std::string error;
    read_all(chunked(wide, chunk), &error);
    EXPECT_EQ(error, r.error().message) << "chunk " << chunk;
  }
  CsvLimits narrow;
  narrow.max_fields = 3;
  EXPECT_TRUE(parse_csv("a,b,c\n", narrow).ok());
  EXPECT_EQ(parse_csv("a,b,c,d\n", narrow).error().code, "csv.too_many_fields");
}

TEST(Csv, LimitCellsHeld) {
  CsvLimits limits;
  limits.max_cells = 10;
  auto r = parse_csv_table("a,b,c\n1,2,3\n4,5,6\n7,8,9\n", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "csv.too_many_cells");
  EXPECT_EQ(param(r.error(), "limit"), 10);
  EXPECT_EQ(param(r.error(), "cells"), 12);
  limits.max_cells = 12;
  EXPECT_TRUE(parse_csv_table("a,b,c\n1,2,3\n4,5,6\n7,8,9\n", limits).ok());
}

TEST(Csv, FilesReadAndWrite) {
  const std::string path = (std::filesystem::temp_directory_path() / "kc_csv_test.csv").string();
  ASSERT_TRUE(write_file(path, "a,b\n1,2\n").ok());
  auto text = read_file(path);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value(), "a,b\n1,2\n");
  std::remove(path.c_str());
  auto missing = read_file("/nonexistent/kc.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "file.open");
}

}  // namespace
}  // namespace kc::io
