// The cultivation ladder year by year: which tier every registry enterprise stood on at the end of
// each year (科技型中小企业 → 高新技术企业 → 领航企业) and how many moved between tiers from one
// year to the next. Tiers come from dated records only (registrations, certificates, programme
// memberships), so any past year can be reconstructed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "domain/date.hpp"
#include "store/database.hpp"

namespace kc::app {

// Highest first. `not_registered`: the enterprise did not exist yet at that year end.
enum class Tier { leading, hte, sme, none, not_registered };
std::string_view to_string(Tier tier);

// One enterprise's dated facts that decide its tier.
struct TierRecords {
  std::optional<domain::Date> registered_on;  // unknown: counted as existing
  std::vector<int> sme_years;                 // S&T SME registrations (one per year)
  struct Certificate {
    domain::Date issued_on;
    std::optional<domain::Date> valid_until;  // default: three years from issue
    std::optional<domain::Date> revoked_on;
  };
  std::vector<Certificate> certificates;
  struct Membership {
    domain::Date entered_on;
    std::optional<domain::Date> exited_on;
  };
  std::vector<Membership> navigator;  // first tier of the "236" programme (领航企业)
};

// The tier on 31 December of `year`: a navigator member is leading; else a valid, unrevoked HTE
// certificate makes it hte; else an S&T SME registration of that year makes it sme.
Tier tier_at_year_end(const TierRecords& records, int year);

struct TierFlowsRequest {
  int from_year = 0;
  int to_year = 0;
};

// The tiers shown on the board, highest first (`not_registered` is not one of them).
const std::vector<Tier>& tier_ladder();

// How many enterprises stood on each tier at each year end, and how many moved from one tier to
// another between consecutive years, over every registry enterprise (bureau roles only). Flows
// from `not_registered` are enterprises founded during the year.
struct TierFlows {
  int from_year = 0, to_year = 0;
  struct YearCounts {
    int year = 0;
    std::map<Tier, std::int64_t> enterprises;  // every tier of the ladder, zeros included
  };
  std::vector<YearCounts> counts;
  struct Flow {
    int from_year = 0, to_year = 0;
    Tier from = Tier::none, to = Tier::none;
    std::int64_t count = 0;
  };
  std::vector<Flow> flows;  // by year, then by (from, to) in ladder order
};
Outcome<TierFlows> tier_flows(store::Database& db, const Actor& actor, const TierFlowsRequest& request);

// The same run as one row per enterprise: id, credit code, name and its tier at each year end.
struct TierTable {
  std::vector<int> years;
  struct Row {
    std::int64_t enterprise_id = 0;
    std::string credit_code, name;
    std::vector<Tier> tiers;  // one per year
  };
  std::vector<Row> rows;
};
Outcome<TierTable> tier_table(store::Database& db, const Actor& actor, const TierFlowsRequest& request);

}  // namespace kc::app
