// Rows of indicator_targets: an indicator's goal for a region and a year (one per code, region and
// year). Values stay exact decimal text; app/indicators/targets checks and evaluates them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

struct IndicatorTargetRow {
  std::int64_t id = 0;
  std::string code, region_code;
  int year = 0;
  std::string kind;    // value, growth, multiple
  std::string target;  // decimal text
  std::optional<int> base_year;
  std::string note;
  std::string updated_by, updated_at;
};

struct TargetFilter {
  std::string region_prefix;  // only regions whose code starts with it; empty: all
  std::optional<int> year;
  std::optional<std::string> code;
};

class IndicatorTargetRepository {
 public:
  explicit IndicatorTargetRepository(Connection& conn) : conn_(conn) {}

  std::vector<IndicatorTargetRow> list(const TargetFilter& filter);  // by region, year, code
  std::optional<IndicatorTargetRow> find(std::int64_t id);
  // Inserts, or replaces the target of the same code, region and year; returns its id.
  std::int64_t save(const IndicatorTargetRow& row);
  [[nodiscard]] bool remove(std::int64_t id);

 private:
  Connection& conn_;
};

}  // namespace kc::store
