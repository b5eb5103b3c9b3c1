#include "app/registry/district_backfill.hpp"

#include <boost/json.hpp>

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "domain/region_code.hpp"

namespace kc::app {

Outcome<std::map<std::string, store::BackfillCount>> backfill_districts(store::Database& db, const Actor& actor,
                                                                        const DistrictBackfill& request) {
  if (actor.role != Role::admin) return Problem::forbidden({msg::admins_only});
  if (actor.region) return Problem::forbidden({msg::installation_admins_only});
  if (request.region) {
    auto code = domain::RegionCode::parse(*request.region);
    if (!code || code->level() != domain::RegionLevel::county) {
      return Problem::validation({field_error("region", domain::fmsg::scope_district_code)});
    }
  }
  auto conn = db.acquire();
  std::map<std::string, store::BackfillCount> counts;
  store::in_transaction(*conn, [&] {
    counts = store::backfill_districts(*conn, request.region, request.dry_run);
    if (request.dry_run) return;
    boost::json::object placed;
    for (const auto& [kind, c] : counts) {
      if (c.from_enterprise + c.by_default == 0) continue;
      placed[kind] = {{"from_enterprise", c.from_enterprise}, {"by_default", c.by_default}, {"left", c.left}};
    }
    if (placed.empty()) return;
    boost::json::object detail{{"region", request.region ? boost::json::value(boost::json::string(*request.region))
                                                         : boost::json::value(nullptr)},
                               {"kinds", std::move(placed)}};
    append_audit(*conn, actor, "registry.backfill_districts", "registry", "", std::nullopt,
                 boost::json::value(std::move(detail)));
  });
  return counts;
}

}  // namespace kc::app
