// The district's own programmes (tiers such as the "236" navigator enterprises and the "100" HTE
// cultivation pool, and subsidy policies): stored as data, edited by administrators, checked when
// saved, and evaluated for an enterprise with every condition explained like the official rules.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
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
};

class Programmes {
 public:
  explicit Programmes(store::Database& db) : db_(db) {}
  Outcome<std::vector<ProgrammeRecord>> list(const Actor& actor);
  Outcome<ProgrammeRecord> get(const Actor& actor, std::int64_t id);
  // Checks every expression against the fact schema; errors name the field path and position.
  Outcome<ProgrammeRecord> save(const Actor& actor, std::optional<std::int64_t> id, const boost::json::object& definition);
  Status remove(const Actor& actor, std::int64_t id);
  // Verdict, conditions with their comparisons, and the subsidy, for one registry enterprise.
  Outcome<boost::json::object> evaluate(const Actor& actor, std::int64_t id, std::int64_t enterprise_id,
                                        const std::string& as_of);

 private:
  store::Database& db_;
};

}  // namespace kc::app
