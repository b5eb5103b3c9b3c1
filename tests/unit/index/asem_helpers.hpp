// Shared by the index tests: load ASEM from /work/shared/data/asem and compare a dataset with one
// of COINr's expected CSV files, matching rows by uCode and columns by name.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "index/model.hpp"
#include "io/csv.hpp"
#include "io/index_csv.hpp"

namespace kc::index::test {

inline std::string asem_path(const std::string& file) {
  return std::string(KC_REFERENCE_DIR) + "/asem/" + file;
}

inline IndexData load_asem() {
  auto d = io::read_index_csv(asem_path("ASEM_iData.csv"), asem_path("ASEM_iMeta.csv"));
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  return std::move(d.value());
}

struct Expected {
  std::vector<std::string> columns;                                 // without uCode
  std::map<std::string, std::map<std::string, std::string>> cells;  // [uCode][column] = text
};

inline Expected load_expected(const std::string& file) {
  Expected e;
  auto text = io::read_file(asem_path(file));
  EXPECT_TRUE(text.ok()) << file;
  auto t = io::parse_csv_table(text.value());
  EXPECT_TRUE(t.ok()) << file;
  const int uc = t->column("uCode");
  for (std::size_t c = 0; c < t->header.size(); ++c)
    if (static_cast<int>(c) != uc) e.columns.push_back(t->header[c]);
  for (const auto& r : t->rows)
    for (std::size_t c = 0; c < t->header.size(); ++c)
      if (static_cast<int>(c) != uc) e.cells[r.fields[uc]][t->header[c]] = r.fields[c];
  return e;
}

inline bool close(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

// Every expected cell of every expected column matches the dataset; the dataset has exactly the
// expected units. Returns the number of cells compared.
inline std::size_t expect_matches(const Dataset& got, const std::string& file,
                                  const std::vector<std::string>& skip_columns = {}) {
  Expected e = load_expected(file);
  EXPECT_EQ(got.n_units(), e.cells.size()) << file;
  std::size_t compared = 0, bad = 0;
  for (const auto& col : e.columns) {
    if (std::find(skip_columns.begin(), skip_columns.end(), col) != skip_columns.end()) continue;
    const int c = got.column(col);
    EXPECT_GE(c, 0) << file << ": column " << col << " not produced";
    if (c < 0) continue;
    for (const auto& [ucode, row] : e.cells) {
      const int u = got.unit(ucode);
      EXPECT_GE(u, 0) << file << ": unit " << ucode << " not produced";
      if (u < 0) continue;
      auto want = io::parse_number_cell(row.at(col));
      EXPECT_TRUE(want.ok());
      const double have = got.values[c][u];
      ++compared;
      if (!close(have, want.value()) && ++bad <= 10)
        ADD_FAILURE() << file << " [" << ucode << ", " << col << "]: got "
                      << io::format_number(have) << ", COINr " << row.at(col);
    }
  }
  EXPECT_EQ(bad, 0u) << file << ": " << bad << " of " << compared << " cells differ";
  return compared;
}

}  // namespace kc::index::test
