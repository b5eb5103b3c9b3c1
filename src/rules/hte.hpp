// High-tech enterprise recognition (国科发火〔2016〕32号 art. 11 and 195号): the eight conditions
// E1–E8, the innovation-capability score bands, and the verdict, as a pure function of the facts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/facts.hpp"
#include "rules/policy.hpp"
#include "rules/staff.hpp"
#include "rules/verdict.hpp"

namespace kc::rules {

enum class HteVerdict { recognised, not_recognised, needs_review };
const char* to_string(HteVerdict v);

struct HteScore {
  char ip_quantity = 'E';
  char transfer = 'F';
  std::optional<char> growth_net_assets, growth_sales;
  std::optional<Fraction> total;
};

// Consecutive fiscal years first..last (empty when last < first).
struct YearRange {
  int first = 0;
  int last = -1;
  bool empty() const { return last < first; }
  std::size_t size() const { return empty() ? 0 : static_cast<std::size_t>(last - first + 1); }
  std::vector<int> years() const {
    std::vector<int> v;
    for (int y = first; y <= last; ++y) v.push_back(y);
    return v;
  }
};

// The measured figures behind the conditions, kept for gap analysis and reports.
struct HteFigures {
  int latest_year = 0;
  YearRange window;  // operating fiscal years of the three-year window
  std::optional<Fraction> rd_3y, rd_domestic_3y, sales_3y, rd_tier;
  std::optional<StaffAverages> staff;
  std::optional<Decimal> high_tech_revenue, ip_backed_revenue;
  std::optional<Fraction> total_income;
  std::optional<Date> last_incident;
  Fraction transfer_average;
};

struct HteResult {
  std::string id;
  HteVerdict verdict = HteVerdict::needs_review;
  std::vector<std::string> failed;
  std::vector<Condition> conditions;  // E1..E8 in order
  HteScore score;
  HteFigures figures;
};

struct EvalOptions {
  bool explain = true;  // false: skip the bilingual texts (batch runs)
};

HteResult evaluate_hte(const EnterpriseFacts& e, const HtePolicy& p, Date as_of,
                       const EvalOptions& options = {});
// Same, into an existing result whose vectors keep their capacity: batch runs reuse one result
// and allocate nothing per enterprise.
void evaluate_hte(const EnterpriseFacts& e, const HtePolicy& p, Date as_of, HteResult& out,
                  const EvalOptions& options = {});

}  // namespace kc::rules
