// Who may review what (review-draw spec §2): the conflict codes that hold between an expert and
// an application, and the field match. Pure functions of the input; no load or diversity here.
#pragma once

#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "review/model.hpp"

namespace kc::review {

// "as_of minus N years": same month and day, 29 February → 28 February (Date::add_years clamps).
domain::Date window_start(const DrawInput& in);

// One of the expert's codes is a prefix of (or equal to) the application's field, byte for byte.
bool fields_match(const Expert& e, const Application& a);

// Every conflict code that holds, in the table's order; empty when none.
std::vector<Conflict> conflicts(const Expert& e, const Application& a, domain::Date window_start);

struct Eligibility {
  std::vector<std::size_t> eligible;  // expert indices in input order
  std::vector<Exclusion> excluded;    // field-matching experts with a conflict, active or not
};

// For each application in input order.
std::vector<Eligibility> eligibility(const DrawInput& in);

}  // namespace kc::review
