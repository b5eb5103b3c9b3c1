// The layers of docs/architecture.md, enforced: every `#include "folder/…"` in src/ must point to
// a folder the including folder may use, or be listed there as a departure (file and target
// folder). The rules are read from the document itself, so the page and the code cannot drift.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kSource = KC_SOURCE_DIR;

struct Layers {
  std::map<std::string, std::set<std::string>> may_include;  // folder → folders
  std::set<std::pair<std::string, std::string>> departures;  // (file under src/, folder)
};

// The backquoted words of a table cell: "`app`, `domain`" → {"app", "domain"}.
std::vector<std::string> quoted(const std::string& cell) {
  std::vector<std::string> out;
  static const std::regex word("`([^`]+)`");
  for (auto it = std::sregex_iterator(cell.begin(), cell.end(), word); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line.substr(1));
  std::string cell;
  while (std::getline(ss, cell, '|')) out.push_back(cell);
  return out;
}

// Reads the two tables under "## Layers": "| `folder/` | may include |" and
// "| `file` | `folder` | why |".
Layers read_layers() {
  std::ifstream in(kSource / "docs/architecture.md");
  Layers l;
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) in_section = line == "## Layers";
    if (!in_section || !line.starts_with("| `")) continue;
    const auto c = cells(line);
    if (c.size() < 2) continue;
    const auto first = quoted(c[0]);
    if (first.size() != 1) continue;
    if (first[0].ends_with("/")) {  // a folder row
      auto& allowed = l.may_include[first[0].substr(0, first[0].size() - 1)];
      for (const auto& f : quoted(c[1])) allowed.insert(f);
    } else {  // a departure row
      for (const auto& f : quoted(c[1])) l.departures.insert({first[0], f});
    }
  }
  return l;
}

struct Include {
  std::string file;    // relative to src/, e.g. "http/server.cpp"
  int line;
  std::string folder;  // the folder it includes from
};

std::vector<Include> includes_under_src() {
  std::vector<Include> out;
  static const std::regex include(R"re(^\s*#\s*include\s+"([a-z_]+)/)re");
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "src")) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    std::ifstream in(entry.path());
    std::string text;
    int n = 0;
    const std::string rel = fs::relative(entry.path(), kSource / "src").generic_string();
    while (std::getline(in, text)) {
      ++n;
      std::smatch m;
      if (std::regex_search(text, m, include)) out.push_back({rel, n, m[1]});
    }
  }
  return out;
}

std::string layer_of(const std::string& file) { return file.substr(0, file.find('/')); }

TEST(Layers, TheDocumentDeclaresEveryFolder) {
  const Layers l = read_layers();
  for (const auto& entry : fs::directory_iterator(kSource / "src")) {
    if (!entry.is_directory()) continue;
    const std::string folder = entry.path().filename().string();
    EXPECT_TRUE(l.may_include.contains(folder))
        << "src/" << folder << "/ has no row in the Layers table of docs/architecture.md";
  }
  EXPECT_GE(l.may_include.size(), 8u);
}

// The engines are pure (docs/architecture.md): widening one of their rows would let a store or
// an HTTP type leak into a computation that the CLI, the API and the tests share. The assessment
// engine writes its documents with the json utility, which itself includes nothing of Kechuang's.
TEST(Layers, TheEnginesIncludeNothingButDomain) {
  const Layers l = read_layers();
  ASSERT_TRUE(l.may_include.contains("rules")) << "rules/ has no row";
  EXPECT_EQ(l.may_include.at("rules"), std::set<std::string>{"domain"});
  ASSERT_TRUE(l.may_include.contains("assess")) << "assess/ has no row";
  EXPECT_EQ(l.may_include.at("assess"), (std::set<std::string>{"domain", "json"}));
  ASSERT_TRUE(l.may_include.contains("json"));
  EXPECT_TRUE(l.may_include.at("json").empty()) << "json/ depends on Boost.JSON and the standard library only";
  ASSERT_TRUE(l.may_include.contains("index"));
  EXPECT_TRUE(l.may_include.at("index").empty()) << "index/ depends on the standard library only";
  for (const auto& [file, folder] : l.departures)
    EXPECT_FALSE(file.starts_with("rules/") || file.starts_with("index/") || file.starts_with("assess/"))
        << file << " is an engine file with a departure to " << folder;
}

TEST(Layers, IncludesPointOnlyWhereTheDocumentAllows) {
  const Layers l = read_layers();
  int checked = 0;
  for (const auto& inc : includes_under_src()) {
    const std::string from = layer_of(inc.file);
    if (inc.folder == from) continue;
    ++checked;
    const auto it = l.may_include.find(from);
    const bool allowed = it != l.may_include.end() && it->second.contains(inc.folder);
    if (!allowed && !l.departures.contains({inc.file, inc.folder})) {
      ADD_FAILURE() << "src/" << inc.file << ":" << inc.line << " includes " << inc.folder
                    << "/, which " << from
                    << "/ may not use; remove it, or list it as a departure in docs/architecture.md";
    }
  }
  EXPECT_GT(checked, 100);  // the scan found the includes at all
}

TEST(Layers, EveryListedDepartureStillExists) {
  // A departure that the code no longer needs is deleted from the page, so the list stays true.
  const Layers l = read_layers();
  std::set<std::pair<std::string, std::string>> used;
  for (const auto& inc : includes_under_src()) used.insert({inc.file, inc.folder});
  for (const auto& d : l.departures)
    EXPECT_TRUE(used.contains(d)) << d.first << " no longer includes " << d.second
                                  << "/: delete its departure row";
}

}  // namespace
