#include "app/demo/demo_district.hpp"

#include <chrono>
#include <string>

#include "app/demo/generator.hpp"
#include "app/demo/peer_districts.hpp"
#include "app/indicators/indicator_service.hpp"
#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "store/indicator_definition_repository.hpp"
#include "store/record_store.hpp"

namespace kc::app {

using namespace demo;  // the generators and their context

int demo_max_peer_districts() { return static_cast<int>(kPeerDistricts.size()); }

Outcome<DemoSummary> generate_demo_district(store::Database& db, const DemoOptions& options) {
  if (options.enterprises < kDemoMinEnterprises || options.enterprises > kDemoMaxEnterprises) {
    return Problem::validation({field_error("scale", domain::fmsg::out_of_range,
                                            {{"min", std::int64_t{kDemoMinEnterprises}},
                                             {"max", std::int64_t{kDemoMaxEnterprises}}})});
  }
  if (options.districts < 0 || options.districts > demo_max_peer_districts()) {
    return Problem::validation({field_error(
        "districts", domain::fmsg::out_of_range, {{"min", 0}, {"max", std::int64_t{demo_max_peer_districts()}}})});
  }
  const auto started = std::chrono::steady_clock::now();
  auto conn = db.acquire();
  if (store::RecordStore(*conn, *domain::find_kind("enterprises")).count({}) > 0) {
    return Problem::conflict({msg::demo_needs_empty_registry});
  }
  DemoOptions o = options;
  o.batch = std::max<std::int64_t>(1, o.batch);
  Random random(o.seed);
  Context ctx(*conn, random);
  ctx.enterprises = o.enterprises;
  write_enterprises(ctx, o);
  write_region_statistics(ctx);
  write_rd_institutions(ctx);
  write_programme_tiers(ctx);
  write_hte_and_sme(ctx);
  write_patents(ctx);
  write_platforms(ctx);
  write_cooperation(ctx);
  write_tech_contracts(ctx);
  write_platform_years(ctx);
  write_incubators(ctx);
  write_people(ctx);
  write_loans(ctx);
  write_competitions_and_policies(ctx);
  align_hte_figures(ctx, o.seed);
  write_expert_reviews(ctx, o.seed);
  write_peer_districts(ctx, o);
  // The seed district is the one computed when a command or a city-wide user names no region.
  store::set_installation_setting(ctx.conn, kHomeRegionSetting, kDistrict, domain::to_iso_utc(domain::now_epoch_seconds()));
  // Fresh statistics let the query planner pick good indexes for the list pages.
  store::analyze_registry_tables(ctx.conn);
  DemoSummary summary;
  summary.district_code = kDistrict;
  summary.records = ctx.written;
  for (int i = 0; i < o.districts; ++i) summary.peer_districts.emplace_back(kPeerDistricts[static_cast<std::size_t>(i)].code);
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace kc::app
