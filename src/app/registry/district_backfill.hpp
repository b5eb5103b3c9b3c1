// Placing the records an installation held before kinds had a district of their own: a record
// naming an enterprise takes its district, the rest the district the operator names. For the
// whole installation's administrators; audited.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"
#include "store/district_backfill.hpp"

namespace kc::app {

struct DistrictBackfill {
  std::optional<std::string> region;  // a 6-digit district for the records without an enterprise
  bool dry_run = false;
};

Outcome<std::map<std::string, store::BackfillCount>> backfill_districts(store::Database& db, const Actor& actor,
                                                                        const DistrictBackfill& request);

}  // namespace kc::app
