// Platforms, their yearly reports and incubators.
#include "app/demo/generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "app/demo/demo_support.hpp"
#include "store/demo_repository.hpp"

namespace kc::app::demo {

void write_platforms(Context& ctx) {
  Writer platforms(ctx.conn, "platforms");
  Writer residents(ctx.conn, "platform_residents");
  struct Def {
    const char* key;
    const char* name;
    const char* kind;
    Date established;
    const char* partner;
  };
  const std::array<Def, 5> defs = {{
      {"institute", "新材料科技城材料研究院", "research_institute", ymd(2011, 11, 18),
       "中国科学院宁波材料技术与工程研究所"},
      {"park", "材料研究院创业园", "industrial_park", ymd(2012, 3, 28),
       "中国科学院宁波材料技术与工程研究所"},
      {"university", "大学科技园研究院", "research_institute", ymd(2012, 6, 8), "宁波大学"},
      {"transfer", "浙江省技术转移中心江北分中心", "tech_transfer_centre", ymd(2013, 3, 15),
       "浙江省科技信息研究院"},
      {"service", "区科技创业公共服务平台", "public_service", ymd(2009, 5, 6), ""},
  }};
  store::in_transaction(ctx.conn, [&] {
    for (const auto& d : defs) {
      auto row = platforms.row();
      row.set("name", cell(d.name))
          .set("kind", cell(d.kind))
          .set("established_on", cell(d.established));
      if (*d.partner) row.set("partner", cell(d.partner));
      ctx.platform[d.key] = row.insert();
    }
    // The park's residents: those of 2013 carry the report's registered capital between them.
    for (std::int64_t pos = kServiceEnd; pos < kPark2014End; ++pos) {
      const auto& f = ctx.firm(pos);
      residents.row()
          .set("platform_id", cell(ctx.platform["park"]))
          .set("enterprise_id", cell(f.id))
          .set("entered_on",
               cell(std::max(
                   f.registered.add_days(static_cast<std::int32_t>(ctx.random.between(0, 30))),
                   ymd(2012, 4, 1))))
          .insert();
    }
  });
  ctx.count(platforms);
  ctx.count(residents);
}

void write_platform_years(Context& ctx) {
  Writer w(ctx.conn, "platform_years");
  store::in_transaction(ctx.conn, [&] {
    store::DemoRepository registry(ctx.conn);
    const auto residents = registry.platform_residents();
    for (const auto& p : registry.platforms()) {
      const std::int64_t id = p.id;
      const int from = Date::parse(p.established_on)->year();
      for (int y = std::max(from, kFirstYear); y <= kLastYear; ++y) {
        std::int64_t count = 0, capital = 0;
        for (const auto& r : residents) {
          if (r.platform_id == id && Date::parse(r.entered_on)->year() <= y)
            ++count, capital += r.registered_capital;
        }
        const auto it = ctx.platform_years.find({id, y});
        const Context::PlatformYear empty;
        const auto& py = it == ctx.platform_years.end() ? empty : it->second;
        const double u = ctx.random.unit();
        w.row()
            .set("platform_id", cell(id))
            .set("year", cell(std::int64_t{y}))
            .set("resident_enterprises", cell(count))
            .set("resident_capital", cell(capital))
            .set("seed_fund_projects", cell(py.seed_fund))
            .set("cooperation_projects", cell(py.cooperation))
            .set("cooperating_enterprises", cell(static_cast<std::int64_t>(py.partners.size())))
            .set("deal_value", cell(py.deal_value))
            .set("assessment", cell(y == from  ? "pass"
                                    : u < 0.4  ? "excellent"
                                    : u < 0.85 ? "good"
                                               : "pass"))
            .insert();
      }
    }
  });
  ctx.count(w);
}

void write_incubator_years(Writer& years, Random& random, std::int64_t id, std::int64_t area, Date opened) {
  std::int64_t tenants = 0;
  for (int y = std::max(kFirstYear, opened.year()); y <= kLastYear; ++y) {
    const std::int64_t capacity = area / 600;
    const std::int64_t fresh = random.between(capacity / 8, capacity / 4 + 2);
    const std::int64_t graduates = tenants > 0 ? random.between(0, tenants / 5 + 1) : 0;
    tenants = std::max<std::int64_t>(0, tenants + fresh - graduates);
    const std::int64_t staff = tenants * random.between(8, 20);
    years.row()
        .set("incubator_id", cell(id))
        .set("year", cell(std::int64_t{y}))
        .set("tenants", cell(tenants))
        .set("new_tenants", cell(fresh))
        .set("graduates", cell(graduates))
        .set("tenant_employees", cell(staff))
        .set("tenant_revenue", cell(yuan(std::round(staff * random.uniform(8, 25)))))
        .set("investment_raised", cell(yuan(std::round(tenants * random.uniform(5, 60)))))
        .insert();
  }
}

void write_incubators(Context& ctx) {
  Writer inc(ctx.conn, "incubators");
  Writer years(ctx.conn, "incubator_years");
  struct Def {
    const char* name;
    const char* kind;
    const char* level;
    std::int64_t area;
    Date opened;
  };
  const std::array<Def, 4> defs = {{
      {"江北科技创业中心", "incubator", "municipal", 30'000, ymd(2006, 6, 18)},
      {"大学科技园孵化基地", "incubator", "district", 12'000, ymd(2010, 10, 9)},
      {"新材料科技城孵化器", "incubator", "provincial", 45'000, ymd(2012, 5, 12)},
      {"甬江创客空间", "maker_space", "district", 1'500, ymd(2014, 7, 1)},
  }};
  store::in_transaction(ctx.conn, [&] {
    for (const auto& d : defs) {
      const std::int64_t id = inc.row()
                                  .set("name", cell(d.name))
                                  .set("kind", cell(d.kind))
                                  .set("level", cell(d.level))
                                  .set("area", cell(d.area))
                                  .set("opened_on", cell(d.opened))
                                  .insert();
      write_incubator_years(years, ctx.random, id, d.area, d.opened);
    }
  });
  ctx.count(inc);
  ctx.count(years);
}

}  // namespace kc::app::demo
