// Talents, teams and workstations; loans.
#include "app/demo/generator.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <set>
#include <span>

#include "app/demo/demo_support.hpp"

namespace kc::app::demo {

void write_people(Context& ctx) {
  Writer talents(ctx.conn, "talents");
  Writer stations(ctx.conn, "academician_workstations");
  Writer haizhi(ctx.conn, "haizhi_services");
  struct Quota {
    const char* level;
    const char* form;
    const char* programme;
    std::array<int, kYears> per_year;
  };
  const std::array<Quota, 4> quotas = {{
      {"national", "individual", "国家“千人计划”", {0, 0, 1, 0, T::kTalentsNational, 1}},
      {"provincial", "individual", "浙江省“千人计划”", {1, 1, 2, 2, T::kTalentsProvincial, 3}},
      {"municipal", "individual", "宁波市“3315计划”", {2, 3, 3, 4, T::kTalentsMunicipal, 6}},
      {"municipal", "team", "宁波市“3315计划”", {0, 1, 1, 1, T::kTeamsMunicipal, 2}},
  }};
  store::in_transaction(ctx.conn, [&] {
    std::set<std::string> taken;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (const auto& q : quotas) {
        for (int k = 0; k < q.per_year[static_cast<std::size_t>(year_index(y))]; ++k) {
          std::string name;
          do name = demo::person_name(ctx.random);
          while (!taken.insert(name + q.programme + std::to_string(y)).second);
          auto row = talents.row();
          row.set("person_name", cell(name))
              .set("programme", cell(q.programme))
              .set("level", cell(q.level))
              .set("form", cell(q.form))
              .set("year", cell(std::int64_t{y}));
          if (ctx.random.chance(0.85))
            row.set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, ymd(y, 1, 1), true)));
          row.insert();
        }
      }
    }
    constexpr std::array<int, kYears> new_stations = {0, 1, 2, 2, 3, 2};
    constexpr std::array<std::string_view, 6> academies = {
        "中国工程院", "中国科学院", "浙江大学", "上海交通大学", "华中科技大学", "东华大学"};
    std::int64_t pos = 0;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int k = 0; k < new_stations[static_cast<std::size_t>(year_index(y))]; ++k, pos += 3) {
        stations.row()
            .set("enterprise_id", cell(ctx.firm(pos).id))
            .set("academician", cell(demo::person_name(ctx.random) + "院士"))
            .set("academy",
                 cell(std::string(ctx.random.pick(std::span<const std::string_view>(academies)))))
            .set("level", cell(ctx.random.chance(0.5) ? "provincial" : "municipal"))
            .set("established_on", cell(ctx.random.day_in(y)))
            .set("projects", cell(ctx.random.between(1, 6)))
            .insert();
      }
    }
    constexpr std::array<int, kYears> services = {0, 0, 0, 8, 14, 20};
    constexpr std::array<std::string_view, 6> countries = {"美国",   "德国",     "英国",
                                                           "加拿大", "澳大利亚", "日本"};
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int k = 0; k < services[static_cast<std::size_t>(year_index(y))]; ++k) {
        char no[64];
        std::snprintf(no, sizeof no, "HZFW%d%03d", y, k + 1);
        const Date on = ctx.random.day_in(y);
        haizhi.row()
            .set("service_no", cell(no))
            .set("expert_name", cell(demo::person_name(ctx.random) + "博士"))
            .set("expert_country",
                 cell(std::string(ctx.random.pick(std::span<const std::string_view>(countries)))))
            .set("topic", cell(std::string(ctx.random.pick(Words::inventions())) + "技术咨询"))
            .set("served_on", cell(on))
            .set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, on, true)))
            .insert();
      }
    }
  });
  ctx.count(talents);
  ctx.count(stations);
  ctx.count(haizhi);
}

void write_loans(Context& ctx) {
  Writer w(ctx.conn, "loans");
  constexpr std::array<int, kYears> per_year = {0, 0, 18, 32, 45, 56};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int k = 0; k < per_year[static_cast<std::size_t>(year_index(y))]; ++k) {
        char no[64];
        std::snprintf(no, sizeof no, "KJD%d%04d", y, k + 1);
        const Date on = ctx.random.day_in(y);
        const std::int64_t amount = yuan(std::round(ctx.random.log_uniform(100, 3'000)));
        const std::int64_t rate = ctx.random.between(560, 780);
        const bool defaulted = y < kLastYear && ctx.random.chance(0.03);
        w.row()
            .set("contract_no", cell(no))
            .set("bank", cell(std::string(ctx.random.pick(Words::banks()))))
            .set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, on, true)))
            .set("amount", cell(amount))
            .set("rate_bp", cell(rate))
            .set("term_months", cell(std::int64_t{12}))
            // The district pays 30% of a year's interest.
            .set("interest_subsidy", cell(amount * rate * 3 / 100'000))
            .set("risk_pool_compensation", cell(defaulted ? part(amount, 0.3) : std::int64_t{0}))
            .set("status", cell(defaulted       ? "default"
                                : y < kLastYear ? "repaid"
                                                : "current"))
            .set("granted_on", cell(on))
            .insert();
      }
    }
  });
  ctx.count(w);
}

}  // namespace kc::app::demo
