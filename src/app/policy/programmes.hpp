// The district's own programmes (tiers such as the "236" navigator enterprises and the "100" HTE
// cultivation pool, and subsidy policies): stored as data, edited by administrators, checked when
// saved, and evaluated for an enterprise with every condition explained like the official rules.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/registry/district_scope.hpp"
#include "rules/expression.hpp"
#include "store/database.hpp"

namespace kc::app {

// The facts a programme's conditions may use (names, types, labels, units).
const rules::FactSchema& programme_fact_schema();

struct ProgrammeRecord {
  std::int64_t id = 0;
  std::string code;
  boost::json::object definition;
  std::string updated_by, updated_at;
  std::optional<std::string> region_code;  // none: the whole installation's
};

class Programmes {
 public:
  explicit Programmes(store::Database& db) : db_(db) {}
  // Programmes are placed in a region (app/registry/district_scope.hpp, visible_rows): a scoped
  // user sees those of the scope, the installation's and the scope's city's or province's, and
  // others are not found; only those inside the scope may be changed (403 otherwise).
  Outcome<std::vector<ProgrammeRecord>> list(const Actor& actor);
  Outcome<ProgrammeRecord> get(const Actor& actor, std::int64_t id);
  // Checks every expression against the fact schema; errors name the field path and position.
  // A new programme lies in `region` if given, else in the actor's scope (none: the installation).
  Outcome<ProgrammeRecord> save(const Actor& actor, std::optional<std::int64_t> id, const boost::json::object& definition,
                                const RegionChoice& region = std::nullopt);
  Status remove(const Actor& actor, std::int64_t id);
  // Verdict, conditions with their comparisons, and the subsidy, for one registry enterprise; a
  // programme of a region applies only to the enterprises placed inside it (else not found).
  Outcome<boost::json::object> evaluate(const Actor& actor, std::int64_t id, std::int64_t enterprise_id,
                                        const std::string& as_of);

 private:
  store::Database& db_;
};

}  // namespace kc::app
