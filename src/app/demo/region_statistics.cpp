// The district's and its peers' yearly region statistics.
#include "app/demo/generator.hpp"

#include <array>
#include <cmath>

#include "app/demo/demo_support.hpp"

namespace kc::app::demo {

void write_region_statistics(Context& ctx) {
  Writer w(ctx.conn, "region_statistics");
  struct Peer {
    const char* code;
    const char* name;
    double gdp2013;  // 万元
    double rd_ratio;
  };
  constexpr std::array<Peer, 14> peers = {{
      {"330203", "海曙区", 7'900'000, 0.016},
      {"330204", "江东区", 6'100'000, 0.014},
      {"330206", "北仑区", 11'500'000, 0.026},
      {"330211", "镇海区", 8'200'000, 0.029},
      {"330212", "鄞州区", 13'800'000, 0.024},
      {"330102", "上城区", 8'400'000, 0.012},
      {"330103", "下城区", 7'600'000, 0.013},
      {"330104", "江干区", 6'300'000, 0.015},
      {"330105", "拱墅区", 3'600'000, 0.018},
      {"330106", "西湖区", 7'300'000, 0.034},
      {"330108", "滨江区", 6'400'000, 0.061},
      {"330109", "萧山区", 17'300'000, 0.025},
      {"330110", "余杭区", 9'800'000, 0.028},
      {"330302", "鹿城区", 6'700'000, 0.011},
  }};
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
    for (const auto& peer : peers) {
      const double growth = ctx.random.uniform(0.07, 0.11);
      double population = peer.gdp2013 / ctx.random.uniform(8, 15);
      for (int y = kFirstYear; y <= kLastYear; ++y) {
        const double gdp_wan = peer.gdp2013 * std::pow(1 + growth, y - T::kReportYear) *
                               ctx.random.uniform(0.98, 1.02);
        const std::int64_t gdp = yuan(std::round(gdp_wan));
        const std::int64_t fiscal = part(gdp, ctx.random.uniform(0.07, 0.1));
        const std::int64_t industry = part(gdp, ctx.random.uniform(0.2, 0.55));
        const double ratio =
            peer.rd_ratio * (1 + 0.06 * (y - T::kReportYear)) * ctx.random.uniform(0.95, 1.05);
        population *= ctx.random.uniform(1.003, 1.012);
        w.row()
            .set("region_code", cell(peer.code))
            .set("region_name", cell(peer.name))
            .set("year", cell(std::int64_t{y}))
            .set("gdp", cell(gdp))
            .set("resident_population", cell(std::llround(population)))
            .set("registered_population",
                 cell(std::llround(population * ctx.random.uniform(0.6, 0.9))))
            .set("fiscal_expenditure", cell(fiscal))
            .set("fiscal_st_expenditure", cell(part(fiscal, ctx.random.uniform(0.02, 0.06))))
            .set("rd_expenditure", cell(part(gdp, ratio)))
            .set("industrial_value_added", cell(industry))
            .set("high_tech_value_added", cell(part(industry, ctx.random.uniform(0.2, 0.6))))
            .insert();
      }
    }
  });
  ctx.count(w);
}

}  // namespace kc::app::demo
