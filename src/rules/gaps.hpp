// Gap analysis: for each failed condition, the smallest change to the facts that would make it
// pass, as a structured suggestion with bilingual text ("R&D spending over 2022–2024 must rise by
// 37.5 万元"). Amounts are rounded up to the yuan, head counts and points to whole numbers.
#pragma once

#include <vector>

#include "rules/hte.hpp"
#include "rules/sme.hpp"

namespace kc::rules {

std::vector<Gap> hte_gaps(const EnterpriseFacts& e, const HtePolicy& p, Date as_of,
                          const HteResult& r);

// M5 alternatives are separate gaps (any one suffices); when the S&T staff score is 0 its gap
// comes first and the alternatives assume it has been closed.
std::vector<Gap> sme_gaps(const EnterpriseFacts& e, const SmePolicy& p, Date as_of,
                          const SmeResult& r);

}  // namespace kc::rules
