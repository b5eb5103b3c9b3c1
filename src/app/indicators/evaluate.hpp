// Evaluates indicator formulas for one region and year, exactly (fractions, no binary floating
// point), over a source of aggregates. A district's value reads its own records; a city's (or a
// province's) reads each aggregate and statistic as the sum over its districts, so an additive
// indicator of a city is the sum of its districts' values and a ratio is recomputed from the
// summed parts. A value is null when a figure it needs is missing — a statistic a district lacks,
// a sum with no records, a division by zero — never 0 for unknown.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/indicators/catalogue.hpp"
#include "domain/decimal.hpp"
#include "domain/formula/formula.hpp"
#include "domain/result.hpp"

namespace kc::app {

// One district's figure of an aggregate, as the store reads it (units of the summed field).
struct SourceRow {
  std::string district;
  std::optional<std::int64_t> value;
  std::int64_t records = 0;
  std::string updated_at;
};

// A record behind an aggregate, for the provenance view.
struct SourceRecord {
  std::int64_t id = 0;
  std::string district;
  std::string label;
  std::optional<std::int64_t> value;  // the summed or counted-distinct field, in stored units
  std::string updated_at;
};

// What the evaluator reads: the store's answers for the region computed.
class IndicatorSource {
 public:
  virtual ~IndicatorSource() = default;
  virtual std::vector<SourceRow> aggregate(const domain::formula::Aggregate& a, int year) = 0;
  virtual std::vector<SourceRecord> records(const domain::formula::Aggregate& a, int year, std::size_t limit) = 0;
  // The districts a city's statistic must be known in (every one, or the city's is unknown).
  virtual std::vector<std::string> districts(int year) = 0;
};

// Looks an indicator up in the catalogue in force (saved entries over built-ins).
using IndicatorLookup = std::function<const IndicatorDef*(const std::string& code)>;

struct Evaluated {
  std::optional<domain::Fraction> value;
  std::int64_t records = 0;  // records and statistics rows read
  std::string updated_at;    // the latest change among them
};

// A record of the provenance view: what kind, which, and what it adds to the value.
struct Contribution {
  std::string kind;
  std::int64_t id = 0;
  std::string label;
  std::string district;
  std::optional<domain::Fraction> value;        // the record's figure (amounts in 万元)
  std::optional<domain::Fraction> contributes;  // its share of an additive value
  std::string updated_at;
};

struct Provenance {
  bool ratio = false;
  std::vector<Contribution> records;      // additive: every record, its share summing to the value
  std::vector<Contribution> numerator;    // ratio: the two groups
  std::vector<Contribution> denominator;
  bool truncated = false;  // a group had more records than the limit
};

class IndicatorEvaluator {
 public:
  // `district` is true when the region computed is one district (its rows are its own).
  IndicatorEvaluator(IndicatorSource& source, IndicatorLookup lookup, bool district);

  // The indicator's value for `year`; an error for a formula that does not parse or names an
  // unknown indicator, or for indicators that read each other in a circle.
  domain::Result<Evaluated> value(const IndicatorDef& def, int year);
  domain::Result<Provenance> explain(const IndicatorDef& def, int year, std::size_t limit);

 private:
  domain::Result<Evaluated> expr(const domain::formula::Expr& e, int year);
  domain::Result<Evaluated> leaf_aggregate(const domain::formula::Aggregate& a, int year);
  domain::Result<Evaluated> statistic(const std::string& field, int year);
  domain::Status gather(const domain::formula::Expr& e, int year, bool additive, int sign,
                        std::vector<Contribution>& out, std::size_t limit, bool& truncated, int depth);
  domain::Result<domain::formula::Expr> parsed(const IndicatorDef& def);

  IndicatorSource& source_;
  IndicatorLookup lookup_;
  bool district_;
  std::map<std::pair<std::string, int>, Evaluated> done_;
  std::set<std::pair<std::string, int>> running_;
  std::map<std::string, domain::formula::Expr> parsed_;
};

// The aggregate that reads statistic `field` of the year: sum(region_statistics.field where year = Y).
domain::formula::Aggregate statistic_aggregate(const std::string& field);

// Whether a formula's value is a sum of records (its records then carry their shares).
bool additive_formula(const domain::formula::Expr& e, const IndicatorLookup& lookup, int depth = 0);

// A value rounded half away from zero to `decimals` places, as decimal text ("1317.7", "2.7213").
std::string decimal_text(const domain::Fraction& f, int decimals);

}  // namespace kc::app
