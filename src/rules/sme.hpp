// S&T-based SME evaluation (国科发政〔2017〕115号 arts. 6–8): conditions M1–M5, the 100-point
// score with both R&D options, the direct routes, and the verdict, as a pure function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/facts.hpp"
#include "rules/hte.hpp"
#include "rules/policy.hpp"
#include "rules/staff.hpp"
#include "rules/verdict.hpp"

namespace kc::rules {

enum class SmeVerdict { qualified, not_qualified, needs_review };
const char* to_string(SmeVerdict v);

enum class SmeRoute { score, direct_hte, direct_award, direct_institution, direct_standard };
const char* to_string(SmeRoute r);

struct SmeScore {
  int st_staff = 0, rd = 0, rd_option = 1, ip = 0, total = 0;
  int rd_option1 = 0, rd_option2 = 0;  // points of each option before taking the higher
};

struct SmeFigures {
  int data_year = 0;
  std::optional<StaffAverages> staff;
  std::optional<Fraction> rd, sales, total_cost_expense, total_assets;
  int class_one = 0, class_two = 0;
  std::optional<SmeRoute> direct_route;  // a direct route the facts support, M1–M4 aside
};

struct SmeResult {
  std::string id;
  SmeVerdict verdict = SmeVerdict::needs_review;
  std::optional<SmeRoute> route;  // set only when qualified
  std::vector<std::string> failed;
  std::vector<Condition> conditions;  // M1..M5 in order
  SmeScore score;
  SmeFigures figures;
};

SmeResult evaluate_sme(const EnterpriseFacts& e, const SmePolicy& p, Date as_of,
                       const EvalOptions& options = {});
// Same, into an existing result (see evaluate_hte).
void evaluate_sme(const EnterpriseFacts& e, const SmePolicy& p, Date as_of, SmeResult& out,
                  const EvalOptions& options = {});

// Points of a ratio against descending inclusive bands (0 below the last band).
int band_points(const Fraction& ratio, const std::vector<PointsBand>& bands);

}  // namespace kc::rules
