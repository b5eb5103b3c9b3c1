// Cooperation agreements and technology contracts.
#include "app/demo/generator.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <span>

#include "app/demo/demo_support.hpp"

namespace kc::app::demo {

void write_cooperation(Context& ctx) {
  Writer w(ctx.conn, "cooperation_agreements");
  constexpr std::array<int, kYears> cooperation = {14, 18, 22, 27, T::kCooperation, 41};
  constexpr std::array<int, kYears> international = {1, 1, 2, 2, T::kCooperationInternational, 5};
  constexpr std::array<int, kYears> via_university = {0, 0, 0, 5, 12, 15};
  constexpr std::array<int, kYears> seed_fund = {0, 0, 0, 0, T::kSeedFundProjects, 24};
  constexpr std::array<std::pair<std::string_view, std::string_view>, 6> foreign = {
      {{"德国", "德国弗劳恩霍夫应用研究促进协会"},
       {"美国", "美国佐治亚理工学院"},
       {"以色列", "以色列理工学院"},
       {"日本", "日本东北大学"},
       {"英国", "英国诺丁汉大学"},
       {"芬兰", "芬兰国家技术研究中心"}}};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const auto k = static_cast<std::size_t>(year_index(y));
      int seq = 0;
      auto add = [&](const char* kind, bool abroad, std::optional<std::int64_t> platform, double lo,
                     double hi) {
        char no[64];
        std::snprintf(no, sizeof no, "HZ%d%03d", y, ++seq);
        const Date signed_on = ctx.random.day_in(y);
        const std::int64_t firm =
            ctx.firm_in(platform ? kServiceEnd : 0, kCoreEnd, signed_on, true);
        auto row = w.row();
        if (abroad) {
          const auto& [country, partner] = ctx.random.pick(
              std::span<const std::pair<std::string_view, std::string_view>>(foreign));
          row.set("partner", cell(std::string(partner)))
              .set("partner_country", cell(std::string(country)));
        } else {
          row.set("partner", cell(std::string(ctx.random.pick(Words::universities()))))
              .set("partner_country", cell("中国"));
        }
        row.set("agreement_no", cell(no))
            .set("title", cell(std::string(kind) == std::string("seed_fund") ? "种子基金资助项目"
                                                                             : "产学研合作项目"))
            .set("kind", cell(kind))
            .set("international", cell_bool(abroad))
            .set("signed_on", cell(signed_on))
            .set("value", cell(yuan(std::round(ctx.random.uniform(lo, hi)))))
            .set("enterprise_id", cell(firm));
        if (platform) row.set("platform_id", cell(*platform));
        row.insert();
        if (platform) {
          auto& py = ctx.platform_years[{*platform, y}];
          (std::string(kind) == "seed_fund" ? py.seed_fund : py.cooperation) += 1;
          py.partners.insert(firm);
        }
      };
      for (int i = 0; i < cooperation[k]; ++i) {
        const bool abroad = i < international[k];
        const bool via = !abroad && i < international[k] + via_university[k];
        add("cooperation", abroad, via ? std::optional(ctx.platform["university"]) : std::nullopt,
            20, 500);
      }
      for (int i = 0; i < seed_fund[k]; ++i)
        add("seed_fund", false, ctx.platform["university"], 10, 50);
    }
  });
  ctx.count(w);
}

// Technology contracts: those bought into the district (buyer here, seller elsewhere) and those
// sold by the district's sellers; the transfer centre brokers part of the former from 2013.
void write_tech_contracts(Context& ctx) {
  Writer w(ctx.conn, "tech_contracts");
  constexpr std::array<std::int64_t, kYears> introduced = {
      6'200 * kWan, 8'100 * kWan, 9'800 * kWan, 12'500 * kWan, T::kTechIntroduced, 21'000 * kWan};
  constexpr std::array<int, kYears> introduced_count = {12, 15, 18, 22, 24 + T::kTransferProjects,
                                                        32};
  constexpr std::array<std::int64_t, kYears> via_centre = {
      0, 0, 0, 0, T::kTransferValue, 13'500 * kWan};
  constexpr std::array<int, kYears> via_centre_count = {0, 0, 0, 0, T::kTransferProjects, 6};
  constexpr std::array<std::int64_t, kYears> sold = {5'200'000,  6'400'000,          8'100'000,
                                                     10'200'000, T::kMarketTurnover, 15'600'000};
  constexpr std::array<int, kYears> sold_count = {18, 21, 25, 30, 36, 42};
  constexpr std::array<std::string_view, 10> elsewhere = {"110108", "310104", "330106", "320102",
                                                          "330108", "440305", "330203", "330212",
                                                          "420111", "310115"};
  constexpr std::array<std::string_view, 5> types = {"development", "transfer", "consulting",
                                                     "service", "licence"};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const auto k = static_cast<std::size_t>(year_index(y));
      int seq = 0;
      auto add = [&](std::int64_t value, bool bought, std::optional<std::int64_t> platform) {
        char no[64];
        std::snprintf(no, sizeof no, "JS%d330205%04d", y, ++seq);
        const Date on = ctx.random.day_in(y, platform ? 80 : 1);
        const std::string other(ctx.random.pick(std::span<const std::string_view>(elsewhere)));
        const bool buyer_here = bought || ctx.random.chance(0.4);
        auto row = w.row();
        row.set("registration_no", cell(no))
            .set("title", cell(std::string(ctx.random.pick(Words::inventions())) + "技术合同"))
            .set("type",
                 cell(std::string(ctx.random.pick(std::span<const std::string_view>(types)))))
            .set("signed_on", cell(on))
            .set("value", cell(value))
            .set("technical_income", cell(part(value, ctx.random.uniform(0.6, 0.95))))
            .set("seller_region", cell(bought ? other : kDistrict))
            .set("buyer_region", cell(buyer_here ? kDistrict : other))
            .set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, on, true)));
        if (platform) row.set("platform_id", cell(*platform));
        row.insert();
        if (platform) ctx.platform_years[{*platform, y}].deal_value += value;
      };
      if (via_centre_count[k] > 0) {
        for (auto v :
             demo::split_exact(ctx.random, via_centre[k], via_centre_count[k], 3.0, kWan)) {
          add(v, true, ctx.platform["transfer"]);
        }
      }
      for (auto v : demo::split_exact(ctx.random, introduced[k] - via_centre[k],
                                      introduced_count[k] - via_centre_count[k], 4.0, 1'000)) {
        add(v, true, std::nullopt);
      }
      for (auto v : demo::split_exact(ctx.random, sold[k], sold_count[k], 4.0, 100))
        add(v, false, std::nullopt);
    }
  });
  ctx.count(w);
}

}  // namespace kc::app::demo
