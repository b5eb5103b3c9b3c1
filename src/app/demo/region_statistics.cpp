// The district's and its peers' yearly region statistics.
#include "app/demo/generator.hpp"

#include <array>
#include <cmath>

#include "app/demo/demo_support.hpp"
#include "app/demo/peer_districts.hpp"

namespace kc::app::demo {

// One peer's six years of statistics, from `random` (the shared stream for the peers the seed
// district has always had, a peer's own stream for the others); returns its yearly GDP and R&D.
PeerYears write_peer_statistics(Writer& w, Random& random, const PeerDistrict& peer) {
  PeerYears out;
  const double growth = random.uniform(0.07, 0.11);
  double population = peer.gdp2013 / random.uniform(8, 15);
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    const double gdp_wan =
        peer.gdp2013 * std::pow(1 + growth, y - T::kReportYear) * random.uniform(0.98, 1.02);
    const std::int64_t gdp = yuan(std::round(gdp_wan));
    const std::int64_t fiscal = part(gdp, random.uniform(0.07, 0.1));
    const std::int64_t industry = part(gdp, random.uniform(0.2, 0.55));
    const double ratio =
        peer.rd_ratio * (1 + 0.06 * (y - T::kReportYear)) * random.uniform(0.95, 1.05);
    population *= random.uniform(1.003, 1.012);
    const std::int64_t rd = part(gdp, ratio);
    out.gdp[static_cast<std::size_t>(year_index(y))] = gdp;
    out.rd[static_cast<std::size_t>(year_index(y))] = rd;
    w.row()
        .set("region_code", cell(std::string(peer.code)))
        .set("region_name", cell(std::string(peer.name)))
        .set("year", cell(std::int64_t{y}))
        .set("gdp", cell(gdp))
        .set("resident_population", cell(std::llround(population)))
        .set("registered_population", cell(std::llround(population * random.uniform(0.6, 0.9))))
        .set("fiscal_expenditure", cell(fiscal))
        .set("fiscal_st_expenditure", cell(part(fiscal, random.uniform(0.02, 0.06))))
        .set("rd_expenditure", cell(rd))
        .set("industrial_value_added", cell(industry))
        .set("high_tech_value_added", cell(part(industry, random.uniform(0.2, 0.6))))
        .insert();
  }
  return out;
}

void write_region_statistics(Context& ctx) {
  Writer w(ctx.conn, "region_statistics");
  store::in_transaction(ctx.conn, [&] {
    double population = 368'000;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const std::int64_t gdp = kGdpByYear[static_cast<std::size_t>(year_index(y))];
      const std::int64_t fiscal = part(gdp, ctx.random.uniform(0.075, 0.085));
      const std::int64_t industry = part(gdp, ctx.random.uniform(0.6, 0.63));
      population *= ctx.random.uniform(1.004, 1.012);
      // The district's R&D expenditure is not stored: it is the sum of its enterprises' R&D.
      w.row()
          .set("region_code", cell(kDistrict))
          .set("region_name", cell("江北区（演示）"))
          .set("year", cell(std::int64_t{y}))
          .set("gdp", cell(gdp))
          .set("resident_population", cell(std::llround(population)))
          .set("registered_population", cell(std::llround(population * 0.64)))
          .set("fiscal_expenditure", cell(fiscal))
          .set("fiscal_st_expenditure", cell(part(fiscal, ctx.random.uniform(0.03, 0.045))))
          .set("industrial_value_added", cell(industry))
          .set("high_tech_value_added", cell(part(industry, ctx.random.uniform(0.3, 0.4))))
          .insert();
    }
    for (const auto& peer : kPeerDistricts) {
      if (peer.seed_statistics) ctx.peer_years[std::string(peer.code)] = write_peer_statistics(w, ctx.random, peer);
    }
  });
  ctx.count(w);
}

}  // namespace kc::app::demo
