// Programme tiers, HTE and S&T SME records, the HTE alignment and the expert reviews behind certificates.
#include "app/demo/generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "app/demo/demo_support.hpp"
#include "domain/decimal.hpp"
#include "domain/registry_kinds.hpp"
#include "store/demo_repository.hpp"

namespace kc::app::demo {

void write_programme_tiers(Context& ctx) {
  Writer w(ctx.conn, "programme_tiers");
  auto add = [&](std::int64_t pos, const char* programme, const char* tier, Date on,
                 std::optional<Date> exited = {}) {
    auto row = w.row();
    row.set("enterprise_id", cell(ctx.firm(pos).id))
        .set("programme", cell(programme))
        .set("tier", cell(tier))
        .set("entered_on", cell(on));
    if (exited) row.set("exited_on", cell(*exited));
    row.insert();
  };
  store::in_transaction(ctx.conn, [&] {
    // The first "236" batch (2013): two navigators, then the second and third tiers.
    const Date batch2013 = ymd(2013, 9, 16), batch2014 = ymd(2014, 9, 10);
    for (std::int64_t pos = 0; pos < T::kNavigators; ++pos) add(pos, "p236", "tier1", batch2013);
    for (std::int64_t pos = 2; pos < 8; ++pos) add(pos, "p236", "tier2", batch2013);
    for (std::int64_t pos = 8; pos < 38; ++pos) add(pos, "p236", "tier3", batch2013);
    add(2, "p236", "tier1", batch2014);  // promoted: a new entry in the new batch
    for (std::int64_t pos = 38; pos < 42; ++pos) add(pos, "p236", "tier2", batch2014);
    for (std::int64_t pos = 42; pos < 62; ++pos) add(pos, "p236", "tier3", batch2014);
    // The "100" HTE cultivation pool and the project-cultivation programme.
    std::set<std::int64_t> pool;
    while (pool.size() < 100)
      pool.insert(
          ctx.random.between(kServiceEnd, std::min<std::int64_t>(ctx.core_size(), kCoreEnd) - 1));
    for (auto pos : pool) {
      if (ctx.firm(pos).registered > ymd(2013, 6, 30)) continue;
      const bool left = ctx.random.chance(0.2);
      add(pos, "p100", "pool", ymd(2013, 5, 20),
          left ? std::optional<Date>(ymd(2014, 6, 30)) : std::nullopt);
    }
    for (int year : {2013, 2014}) {
      std::set<std::int64_t> chosen;
      while (chosen.size() < 40) chosen.insert(ctx.random.between(62, kIndustrialEnd - 1));
      for (auto pos : chosen) add(pos, "project_cultivation", "pool", ymd(year, 4, 1));
    }
  });
  ctx.count(w);
}

void write_hte_and_sme(Context& ctx) {
  Writer certs(ctx.conn, "hte_certificates");
  Writer sme(ctx.conn, "sme_registrations");
  Writer ip(ctx.conn, "ip_items");
  store::in_transaction(ctx.conn, [&] {
    std::map<int, int> serial;
    std::set<std::string> ip_numbers;  // natural key (kind, number): numbers are drawn at random
    std::vector<std::pair<std::int64_t, int>> hte;  // position, first year
    for (std::int64_t pos = 0; pos < 60; ++pos)
      hte.push_back({pos, static_cast<int>(ctx.random.between(2008, 2013))});
    for (std::int64_t pos = kServiceEnd;
         pos < std::min<std::int64_t>(ctx.core_size(), kServiceEnd + 400); ++pos) {
      const auto& f = ctx.firm(pos);
      if (f.tech && f.performer && f.registered.year() <= 2012 && ctx.random.chance(0.4)) {
        hte.push_back({pos, static_cast<int>(ctx.random.between(
                                std::max(2008, f.registered.year() + 1), 2014))});
      }
    }
    const Date today = ymd(kLastYear, 12, 31);
    for (const auto& [pos, first] : hte) {
      for (int year = first; year <= kLastYear; year += 3) {
        const Date issued = ctx.random.day_in(year, 250, 340);
        const Date until = issued.add_years(3);
        char no[64];
        std::snprintf(no, sizeof no, "GR%d3320%04d", year, ++serial[year]);
        certs.row()
            .set("enterprise_id", cell(ctx.firm(pos).id))
            .set("certificate_no", cell(no))
            .set("issued_on", cell(issued))
            .set("valid_until", cell(until))
            .set("status", cell(until < today ? "expired" : "valid"))
            .insert();
        // Software copyrights used for this recognition (a class II item serves one application).
        for (int k = 0; k < ctx.random.between(0, 3); ++k) {
          char number[64];
          std::snprintf(number, sizeof number, "%dSR%06lld", year - 1,
                        static_cast<long long>(ctx.random.between(0, 999'999)));
          if (!ip_numbers.insert(number).second) continue;
          auto row = ip.row();
          row.set("kind", cell("software_copyright"))
              .set("number", cell(number))
              .set("title", cell(std::string(ctx.random.pick(Words::firm_prefixes())) +
                                 "管理软件V" + std::to_string(ctx.random.between(1, 5)) + ".0"))
              .set("granted_on", cell(ctx.random.day_in(year - 1, 1, 300)))
              .set("enterprise_id", cell(ctx.firm(pos).id))
              .set("used_in_hte_recognition", cell(std::int64_t{year}))
              .insert();
        }
      }
    }
    // Software copyrights and a few IC layouts not (yet) used for a recognition.
    constexpr std::array<int, kYears> copyrights = {60, 85, 120, 160, 230, 280};
    int layout = 0;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int made = 0; made < copyrights[static_cast<std::size_t>(year_index(y))];) {
        char text[64];
        std::snprintf(text, sizeof text, "%dSR%06lld", y,
                      static_cast<long long>(ctx.random.between(0, 999'999)));
        if (!ip_numbers.insert(text).second) continue;
        ++made;
        const Date granted = ctx.random.day_in(y);
        const bool is_layout = ctx.random.chance(0.03);
        char layout_no[64];
        std::snprintf(layout_no, sizeof layout_no, "BS.%02d5%05d", y % 100, ++layout);
        auto row = ip.row();
        row.set("kind", cell(is_layout ? "ic_layout" : "software_copyright"))
            .set("number", cell(is_layout ? layout_no : text))
            .set("title", cell(std::string(ctx.random.pick(Words::firm_prefixes())) +
                               (is_layout ? "控制芯片布图设计" : "数据管理系统V1.0")))
            .set("granted_on", cell(granted))
            .set("enterprise_id", cell(ctx.firm_in(kServiceEnd, kCoreEnd, granted)))
            .insert();
      }
    }
    // S&T SME registrations. Registered firms mostly register again the next year (about one in
    // eight drops out, chosen by a hash so the shared random stream is drawn exactly as before);
    // the year's new registrations come from the drawn firms.
    constexpr std::array<int, kYears> registrations = {0, 60, 90, 120, 150, 180};
    std::set<std::int64_t> previous;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const auto target = static_cast<std::size_t>(registrations[static_cast<std::size_t>(year_index(y))]);
      std::vector<std::int64_t> drawn;
      const Date by = ymd(y, 6, 30);
      for (std::size_t k = 0; k < target; ++k) drawn.push_back(ctx.firm_in(kServiceEnd, kCoreEnd, by));
      std::set<std::int64_t> firms;
      for (auto id : previous) {
        const auto h = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(y);
        if ((h >> 32) % 8 != 0 && firms.size() < target) firms.insert(id);
      }
      for (auto id : drawn) {
        if (firms.size() >= target) break;
        firms.insert(id);
      }
      previous = firms;
      int seq = 0;
      for (auto id : firms) {
        char no[64];
        std::snprintf(no, sizeof no, "%d330205%04d", y, ++seq);
        sme.row()
            .set("enterprise_id", cell(id))
            .set("registration_no", cell(no))
            .set("year", cell(std::int64_t{y}))
            .insert();
      }
    }
  });
  ctx.count(certs);
  ctx.count(sme);
  ctx.count(ip);
}

// Recognised enterprises meet the figures of their recognition: for every enterprise holding an
// HTE certificate, each year's R&D reaches its sales tier's ratio (5 / 4 / 3 %, with a margin) and
// high-tech revenue is 62–85 % of total income. The extra R&D is taken from the year's largest
// other R&D performers (each keeps at least 30 % of its own), so each year's district total — a
// figure of the seed report — is unchanged to the yuan. Only the rows concerned are read, so a
// million-enterprise demo does not load its years. Drawn from a stream of its own.
void align_hte_figures(Context& ctx, std::uint64_t seed) {
  Random random(seed ^ 0x41e7'0b5e'7a11'9e5dULL);
  store::DemoRepository figures(ctx.conn);
  constexpr int kDonors = 2000;  // far more than a year's raises need

  struct Year {
    std::int64_t id = 0, enterprise = 0, sales = 0, income = 0, high_tech = 0, ip_backed = 0, cost = 0, rd = 0;
    std::array<std::int64_t, 9> categories{};
    bool changed = false;
  };
  // R&D categories rescaled to a new total, rounding left in "other", so they still add up.
  const auto rescale = [](Year& y, std::int64_t total) {
    std::int64_t rest = total;
    for (std::size_t i = 0; i + 1 < y.categories.size(); ++i) {
      y.categories[i] = y.rd > 0 ? static_cast<std::int64_t>(static_cast<Int128>(y.categories[i]) * total / y.rd)
                                 : (i == 0 ? total : 0);
      rest -= y.categories[i];
    }
    y.categories.back() = rest;
    y.rd = total;
    y.changed = true;
  };
  store::in_transaction(ctx.conn, [&] {
    const auto load = [](std::vector<store::DemoRepository::YearFigures> read) {
      std::vector<Year> rows;
      for (const auto& f : read) {
        rows.push_back({f.id, f.enterprise_id, f.sales_revenue, f.gross_income - f.non_taxable_income,
                        f.high_tech_revenue, f.ip_backed_revenue, f.total_cost_expense, f.rd_total, f.rd, false});
      }
      return rows;
    };
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      auto rows = load(figures.certified_years(year));
      auto donors = load(figures.largest_uncertified_rd(year, kDonors));
      std::int64_t needed = 0, available = 0;
      for (const auto& d : donors) available += d.rd * 7 / 10;
      std::vector<std::pair<Year*, std::int64_t>> raise;  // row, R&D it should reach
      for (auto& y : rows) {
        const double ratio = y.sales <= yuan(5000) ? 0.05 : y.sales <= yuan(20000) ? 0.04 : 0.03;
        const std::int64_t target = part(y.sales, ratio * random.uniform(1.1, 1.5));
        if (target > y.rd) {
          raise.emplace_back(&y, target);
          needed += target - y.rd;
        }
        if (y.income > 0 && y.high_tech * 100 < y.income * 62) {
          const std::int64_t high_tech = std::min(y.sales, part(y.income, random.uniform(0.62, 0.85)));
          y.ip_backed = y.high_tech > 0 ? static_cast<std::int64_t>(static_cast<Int128>(y.ip_backed) * high_tech / y.high_tech)
                                        : part(high_tech, 0.8);
          y.high_tech = high_tech;
          y.changed = true;
        }
      }
      // The raises shrink to what the donors can give.
      if (needed > 0 && available > 0) {
        const std::int64_t moved = std::min(needed, available);
        std::int64_t given = 0;
        for (auto& [y, target] : raise) {
          const auto add = static_cast<std::int64_t>(static_cast<Int128>(target - y->rd) * moved / needed);
          rescale(*y, y->rd + add);
          given += add;
        }
        // Take exactly `given`, the largest donors first, each giving at most 70 % of its R&D.
        std::int64_t left = given;
        for (auto& d : donors) {
          if (left == 0) break;
          const std::int64_t cut = std::min(left, d.rd * 7 / 10);
          rescale(d, d.rd - cut);
          left -= cut;
        }
      }
      rows.insert(rows.end(), donors.begin(), donors.end());
      for (auto& y : rows) {
        if (!y.changed) continue;
        y.cost = std::max(y.cost, y.rd + y.sales / 2);  // R&D is part of cost and expense
        store::DemoRepository::YearFigures f;
        f.id = y.id;
        f.high_tech_revenue = y.high_tech;
        f.ip_backed_revenue = y.ip_backed;
        f.total_cost_expense = y.cost;
        f.rd_total = y.rd;
        f.rd = y.categories;
        // The row was read in this transaction; a miss is a bug, not a condition.
        if (!figures.update_figures(f)) throw std::logic_error("enterprise year " + std::to_string(y.id) + " vanished");
      }
    }
  });
}

// The expert panel's review behind every certificate, a few weeks before it was issued. Drawn from
// a stream of its own so the other records (and the seed report's figures) do not move.
void write_panel_review(Writer& reviews, Random& random, std::int64_t enterprise_id, Date issued) {
  // A panel average with one decimal in [lo, hi] points, stored like amounts (×10^4).
  auto points = [&](int lo, int hi) { return cell(random.between(lo * 10, hi * 10) * 1000); };
  // The lower ends add up to 71 points: every recognised enterprise passed E7 (> 70).
  reviews.row()
      .set("enterprise_id", cell(enterprise_id))
      .set("reviewed_on", cell(issued.add_days(-static_cast<std::int32_t>(random.between(20, 60)))))
      .set("ip_advancement", points(6, 8))
      .set("ip_core_support", points(6, 8))
      .set("ip_quantity", points(6, 8))
      .set("ip_acquisition", points(6, 6))
      .set("transfer", points(22, 29))
      .set("rd_management", points(15, 19))
      .set("growth_net_assets", points(5, 9))
      .set("growth_sales", points(5, 9))
      .set("experts", cell(random.between(5, 7)))
      .insert();
}

void write_expert_reviews(Context& ctx, std::uint64_t seed) {
  Random random(seed ^ 0x5eed'e8e7'2e71'e3a5ULL);
  Writer reviews(ctx.conn, "hte_expert_reviews");
  const auto certificates = store::DemoRepository(ctx.conn).certificate_issues();
  store::in_transaction(ctx.conn, [&] {
    for (const auto& c : certificates) write_panel_review(reviews, random, c.enterprise_id, *Date::parse(c.issued_on));
  });
  ctx.count(reviews);
}

}  // namespace kc::app::demo
