// Districts judged by assessment schemes (spec assessment.md): the scheme's indicators computed
// from each district's records for the year and the year before, run through the assessment
// engine, with each district's rank among its city's districts, grade, vetoes and the indicators
// that cost it the most. A city user sees every district of the city; a district user their own
// district's result (its rank among its peers, not the peers' figures).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

struct BuiltinScheme {
  std::string_view code;
  std::string_view json;  // the SCHEME document of assessment.md §1
};
const std::vector<BuiltinScheme>& builtin_schemes();

struct AssessmentRequest {
  std::string scheme;
  int year = 0;
  std::optional<std::string> region;  // a city or province whose districts are the units; a
                                      // district means its city; default: the actor's region,
                                      // else the home district's city
};

// `{"items": [SCHEME, …]}`: the schemes in force.
Outcome<std::string> assessment_schemes(store::Database& db, const Actor& actor);
// `{"scheme": SCHEME, "year", "region", "units": [engine unit + "costliest": [{"node", "indicator",
// "lost"}]]}` for the units the actor may see, in code order.
Outcome<std::string> run_assessment(store::Database& db, const Actor& actor, const AssessmentRequest& request);

}  // namespace kc::app
