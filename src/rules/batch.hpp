// The verdict-only batch path: HTE and SME verdicts (and which conditions failed or are unknown)
// for many enterprises held as FactColumns, without building explained condition records or
// texts. It decides exactly what evaluate_hte/evaluate_sme decide; tests/unit/rules/batch_test.cpp
// checks the two paths against each other.
//
// Exactness. Amounts are integer units (yuan) with |amount| ≤ Decimal::kMaxUnits (10^14 < 2^47).
// Every policy threshold is a fraction whose reduced terms are at most 2^32, and the R&D
// collection shares (commissioned share, cap factor) have terms of at most 2^16 (the shipped
// versions: 0.05 = 1/20, 20000 = 20000/1, 0.8 = 4/5, cap factors 1/4 and 1/9). Under these bounds
// each test is one cross-multiplication in 128-bit integers that cannot overflow: the largest
// product, a 16-year R&D sum at the collection scale (< 2^89) times a threshold term (≤ 2^32),
// stays below 2^121. Enterprises outside the amount bound are fallback rows of FactColumns
// (evaluated by the explained path); a policy outside its bounds, or with an R&D window longer
// than 16 years, is refused with an error, so the caller can use the explained path.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/result.hpp"
#include "rules/fact_columns.hpp"
#include "rules/hte.hpp"
#include "rules/sme.hpp"

namespace kc::rules {

// Condition k (E1..E8, M1..M5) is bit k − 1 of the masks.
struct HteOutcome {
  HteVerdict verdict = HteVerdict::needs_review;
  std::uint8_t failed = 0;   // the codes of HteResult::failed
  std::uint8_t unknown = 0;  // conditions whose status is unknown
  friend bool operator==(const HteOutcome&, const HteOutcome&) = default;
};

struct SmeOutcome {
  SmeVerdict verdict = SmeVerdict::needs_review;
  std::uint8_t failed = 0;   // the codes of SmeResult::failed (empty on a direct route)
  std::uint8_t unknown = 0;  // conditions whose status is unknown
  std::optional<SmeRoute> route;
  friend bool operator==(const SmeOutcome&, const SmeOutcome&) = default;
};

// The same summary of an explained result.
HteOutcome outcome_of(const HteResult& r);
SmeOutcome outcome_of(const SmeResult& r);

// out[row] for every row of `facts`. Errors: the policy needs a fiscal year outside the columns'
// range, or a policy number lies outside the bounds above.
domain::Status evaluate_hte_batch(const FactColumns& facts, const HtePolicy& p, Date as_of,
                                  std::vector<HteOutcome>& out);
domain::Status evaluate_sme_batch(const FactColumns& facts, const SmePolicy& p, Date as_of,
                                  std::vector<SmeOutcome>& out);

}  // namespace kc::rules
