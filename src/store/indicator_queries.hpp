// The registry read by indicator formulas: one aggregate of a formula (count, sum, count_distinct
// over a kind with its filter) as one grouped SQL query per call, district by district, and the
// records behind it for the provenance view. The formula was checked against the declarations
// before it gets here (domain/formula/check.hpp); its values become parameters, never SQL text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/formula/formula.hpp"
#include "store/database.hpp"

namespace kc::store {

// One district's value of an aggregate: a count, or a sum in the field's stored units (yuan for
// amounts, 1/10,000 for decimals); no value when a sum found no records.
// (A sum reads only the records that have the summed figure.)
struct AggregateRow {
  std::string district;
  std::optional<std::int64_t> value;
  std::int64_t records = 0;  // how many records were read
  std::string updated_at;    // the latest change among them
};

// The aggregate for `year` in every district whose code starts with `prefix` (a district, city or
// province), for the districts that have records it counts, by code. A record lies in the
// district of its kind's region scope (its own region field, or the record it references there).
std::vector<AggregateRow> aggregate_by_district(Connection& conn, const domain::formula::Aggregate& aggregate,
                                                const std::string& prefix, int year);

// A record an aggregate reads, in id order: its label (the kind's title field) and the value it
// adds (the summed field; the counted-distinct field; none for a count).
struct AggregateRecord {
  std::int64_t id = 0;
  std::string district;
  std::string label;
  std::optional<std::int64_t> value;
  std::string updated_at;
};

// At most `limit` of them (the caller says when the list was cut).
std::vector<AggregateRecord> aggregate_records(Connection& conn, const domain::formula::Aggregate& aggregate,
                                               const std::string& prefix, int year, std::size_t limit);

// The districts inside `prefix` that have enterprises or region statistics for `year`: the
// districts a city's value is the sum over.
std::vector<std::string> districts_with_data(Connection& conn, const std::string& prefix, int year);

// Whether anything was recorded for `year` inside `prefix`: region statistics or enterprise years.
bool region_has_year(Connection& conn, const std::string& prefix, int year);

}  // namespace kc::store
