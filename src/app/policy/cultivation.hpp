// The cultivation pipeline: every registry enterprise evaluated against the HTE rules on one date
// and sorted into the tiers the bureau works with, plus the year's deadlines.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

// Categories: "certified" (valid certificate, no condition failing), "candidate" (no condition
// failing but no valid certificate: should apply this year), "within_reach" (exactly one failed
// condition whose gap the enterprise can close), "far" (the rest), "incomplete" (facts the rules
// need, such as the registration date, are missing).
Outcome<boost::json::object> run_hte_pipeline(store::Database& db, const Actor& actor, const std::string& as_of);

// Deadlines of `year`: HTE certificates expiring this year and next, the S&T SME annual update
// (31 March) and the HTE annual development report (31 May) with the enterprises concerned.
Outcome<boost::json::object> cultivation_deadlines(store::Database& db, const Actor& actor, int year);

}  // namespace kc::app
