// Small hand-made indices for the index tests: a few units and indicators whose results can be
// worked out by hand.
#pragma once

#include <gtest/gtest.h>

#include "index/model.hpp"

namespace kc::index::test {

inline MetaRow ind(const std::string& code, const std::string& parent, double w = 1,
                   double dir = 1) {
  MetaRow r;
  r.level = 1;
  r.code = code;
  r.parent = parent;
  r.weight = w;
  r.direction = dir;
  r.type = ColumnType::Indicator;
  return r;
}

inline MetaRow agg(const std::string& code, int level, const std::string& parent, double w = 1) {
  MetaRow r;
  r.level = level;
  r.code = code;
  r.parent = parent;
  r.weight = w;
  r.type = ColumnType::Aggregate;
  return r;
}

inline Framework framework(std::vector<MetaRow> rows) {
  auto f = Framework::build(std::move(rows));
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
  return std::move(f.value());
}

// Units u1..un; columns given by code with values per unit.
inline Dataset dataset(std::vector<std::string> codes, std::vector<std::vector<double>> cols) {
  Dataset d;
  const std::size_t n = cols.empty() ? 0 : cols[0].size();
  for (std::size_t u = 0; u < n; ++u) {
    d.units.push_back("u" + std::to_string(u + 1));
    d.source_rows.push_back(u);
  }
  d.columns = std::move(codes);
  d.values = std::move(cols);
  return d;
}

// Indicators a, b (under P) and c (under Q); P and Q under Index.
inline IndexData two_pillars(std::vector<std::vector<double>> cols) {
  IndexData d;
  d.framework = framework({ind("a", "P"), ind("b", "P"), ind("c", "Q"), agg("P", 2, "Index"),
                           agg("Q", 2, "Index"), agg("Index", 3, "")});
  d.raw = dataset({"a", "b", "c"}, std::move(cols));
  d.units.codes = d.raw.units;
  d.units.names.assign(d.raw.n_units(), "");
  d.units.time.assign(d.raw.n_units(), kNA);
  return d;
}

}  // namespace kc::index::test
