// SQL belongs in store/ (docs/architecture.md, "Storage"): no other layer holds a statement.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

namespace fs = std::filesystem;
const fs::path kSource = KC_SOURCE_DIR;

// The start of a statement in a string literal; "DELETE" alone is also an HTTP method.
const std::regex& statement_start() {
  static const std::regex re(
      R"re("\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s|PRAGMA\s))re",
      std::regex::icase);
  return re;
}

TEST(SqlPlacement, NoStatementOutsideStore) {
  int files = 0;
  for (const char* folder : {"app", "http", "cli", "domain", "io", "index", "rules", "crypto"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kSource / "src" / folder)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      ++files;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        EXPECT_FALSE(std::regex_search(line, statement_start()))
            << fs::relative(entry.path(), kSource).string() << ":" << n << ": SQL belongs in store/: " << line;
      }
    }
  }
  EXPECT_GT(files, 100) << "the folders were found";
}

TEST(SqlPlacement, ThePatternFindsAStatement) {
  EXPECT_TRUE(std::regex_search(std::string(R"(conn.query_one("SELECT 1");)"), statement_start()));
  EXPECT_TRUE(std::regex_search(std::string(R"(x("DELETE FROM sessions WHERE"))"), statement_start()));
  EXPECT_FALSE(std::regex_search(std::string(R"({"GET", "POST", "DELETE", "OTHER"})"), statement_start()));
}

}  // namespace
