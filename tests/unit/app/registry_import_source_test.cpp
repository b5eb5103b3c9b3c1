#include "app/registry/import/registry_import_source.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "crypto/crypto.hpp"
#include "io/csv.hpp"

namespace kc::app {
namespace {

class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    std::random_device rd;
    path_ =
        (std::filesystem::temp_directory_path() / ("kc-source-" + std::to_string(rd()) + ".csv"))
            .string();
    EXPECT_TRUE(io::write_file(path_, content).ok());
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<std::vector<std::string>> rows_of(ImportSource& s,
                                              std::vector<std::size_t>* numbers = nullptr) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> cells;
  for (;;) {
    auto more = s.next(cells);
    EXPECT_TRUE(more.ok()) << more.error().message;
    if (!more || !more.value()) return out;
    out.push_back(cells);
    if (numbers) numbers->push_back(s.row_number());
  }
}

TEST(ImportSource, FileAndBytesGiveTheSameRowsNumbersAndHash) {
  // A blank line is skipped; empty rows before data are rows; trailing empty rows are dropped.
  const std::string csv =
      "\xEF\xBB\xBF"
      "a,b\n1,甲\n\n,\n2,\"x\ny\"\n,\n,\n";
  TempFile file(csv);
  auto from_file = ImportSource::from_file(file.path(), 1 << 20, 100);
  auto from_bytes = ImportSource::from_bytes(csv, 1 << 20, 100);
  ASSERT_TRUE(from_file.ok()) << from_file.error().message;
  ASSERT_TRUE(from_bytes.ok());
  EXPECT_EQ(from_file->format(), "csv (UTF-8)");
  EXPECT_EQ(from_file->header(), (std::vector<std::string>{"a", "b"}));
  std::vector<std::size_t> numbers;
  auto rows = rows_of(from_file.value(), &numbers);
  const std::vector<std::vector<std::string>> expected{{"1", "甲"}, {}, {"2", "x\ny"}};
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(numbers, (std::vector<std::size_t>{2, 3, 4}));
  EXPECT_EQ(rows_of(from_bytes.value()), expected);
  EXPECT_EQ(from_file->sha256(), crypto::sha256_hex(csv));
  EXPECT_EQ(from_bytes->sha256(), crypto::sha256_hex(csv));
}

TEST(ImportSource, Gb18030FilesAreConvertedWhole) {
  const std::string gb = "\xC6\xF3\xD2\xB5,x\n\xC4\xEA,1\n";  // 企业,x / 年,1
  TempFile file(gb);
  auto s = ImportSource::from_file(file.path(), 1 << 20, 100);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->format(), "csv (GB18030)");
  EXPECT_EQ(s->header()[0], "企业");
  EXPECT_EQ(rows_of(s.value()), (std::vector<std::vector<std::string>>{{"年", "1"}}));
  EXPECT_EQ(s->sha256(), crypto::sha256_hex(gb));
}

TEST(ImportSource, LimitsAndDamageAreRefusedWithTheirReason) {
  TempFile big("a\n" + std::string(5000, 'x') + "\n");
  auto too_large = ImportSource::from_file(big.path(), 4096, 100);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.error().code, "import.too_large");
  EXPECT_NE(too_large.error().message.find("5003 bytes, more than the limit of 4096 bytes"),
            std::string::npos)
      << too_large.error().message;
  EXPECT_EQ(ImportSource::from_bytes(std::string(3u << 20, 'x'), 2u << 20, 100)
                    .error()
                    .message.find("limit of 2 MiB") != std::string::npos,
            true);
  EXPECT_EQ(ImportSource::from_file("/nonexistent/kc.csv", 4096, 100).error().code, "file.open");

  TempFile many("a\n1\n2\n3\n");
  auto s = ImportSource::from_file(many.path(), 4096, 2);
  ASSERT_TRUE(s.ok());
  std::vector<std::string> cells;
  EXPECT_TRUE(s->next(cells).ok());
  EXPECT_TRUE(s->next(cells).ok());
  auto third = s->next(cells);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, "import.too_many_rows");

  TempFile ragged("a,b\n1,2\n3\n");
  auto r = ImportSource::from_file(ragged.path(), 4096, 100);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->next(cells).ok());
  auto bad = r->next(cells);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 3: 1 fields, but the header has 2"), std::string::npos);

  // Invalid in UTF-8 and in GB18030: the conversion's message, with the offset.
  TempFile broken("a\n\xFF\xFF\n");
  auto b = ImportSource::from_file(broken.path(), 4096, 100);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "encoding.invalid");
}

TEST(ImportSource, MultibyteCharactersAcrossChunkBoundariesStayUtf8) {
  // The file is read in 1 MiB chunks: the boundary falls inside the 3-byte 业.
  std::string csv = "name\n";
  while (csv.size() + 26 < (1u << 20) - 4) csv += "abcdefghijklmnopqrstuvwxy\n";
  csv += std::string((1u << 20) - 4 - csv.size() - 1, 'q') + "\n";
  ASSERT_EQ(csv.size(), (1u << 20) - 4);
  for (int i = 0; i < 12; ++i) csv += "企业甲乙\n";
  TempFile file(csv);
  auto s = ImportSource::from_file(file.path(), 4u << 20, 1'000'000);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->format(), "csv (UTF-8)");
  auto rows = rows_of(s.value());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back()[0], "企业甲乙");
}

}  // namespace
}  // namespace kc::app
