// The verdict-only batch path against the explained path: hand-made threshold cases, then a few
// thousand generated enterprises with figures placed on and one yuan beside the thresholds,
// missing figures, short histories, leap days and every direct route.
#include "rules/batch.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>

#include "fixtures.hpp"
#include "rules/batch_math.hpp"
#include "rules/policy.hpp"

namespace kc::rules {
namespace {

using testing::d;
using testing::date;

constexpr std::int64_t W = Decimal::kUnitsPerOne;  // one 万元 in units (units are yuan)
Decimal u(std::int64_t units) { return Decimal::from_units(units); }

// Columns for fiscal years 2018–2025 cover every as_of used here.
FactColumns columns_of(const std::vector<EnterpriseFacts>& all) {
  FactColumns c(2018, 2025);
  c.reserve(all.size());
  for (const auto& e : all) c.add(e);
  return c;
}

std::vector<HteOutcome> hte_batch(const FactColumns& c, Date as_of, const HtePolicy& policy = testing::hte()) {
  std::vector<HteOutcome> out;
  const auto st = evaluate_hte_batch(c, policy, as_of, out);
  EXPECT_TRUE(st) << (st ? "" : st.error().message);
  return out;
}
std::vector<SmeOutcome> sme_batch(const FactColumns& c, Date as_of, const SmePolicy& policy = testing::sme()) {
  std::vector<SmeOutcome> out;
  const auto st = evaluate_sme_batch(c, policy, as_of, out);
  EXPECT_TRUE(st) << (st ? "" : st.error().message);
  return out;
}

std::string describe(const HteOutcome& o) {
  return std::string(to_string(o.verdict)) + " failed=" + std::to_string(o.failed) +
         " unknown=" + std::to_string(o.unknown);
}
std::string describe(const SmeOutcome& o) {
  return std::string(to_string(o.verdict)) + " failed=" + std::to_string(o.failed) +
         " unknown=" + std::to_string(o.unknown) +
         " route=" + (o.route ? to_string(*o.route) : "-");
}

// Both paths on every enterprise at one date; returns the batch outcomes.
std::vector<HteOutcome> expect_hte_agrees(const std::vector<EnterpriseFacts>& all, Date as_of,
                                          const HtePolicy& policy = testing::hte()) {
  const auto out = hte_batch(columns_of(all), as_of, policy);
  EXPECT_EQ(out.size(), all.size());
  int shown = 0;
  for (std::size_t i = 0; i < all.size() && i < out.size(); ++i) {
    const HteOutcome want = outcome_of(evaluate_hte(all[i], policy, as_of));
    if (out[i] != want && shown++ < 10)
      ADD_FAILURE() << policy.id << " " << all[i].id << " at " << as_of.to_string() << ": batch "
                    << describe(out[i]) << ", explained " << describe(want);
  }
  return out;
}
std::vector<SmeOutcome> expect_sme_agrees(const std::vector<EnterpriseFacts>& all, Date as_of,
                                          const SmePolicy& policy = testing::sme()) {
  const auto out = sme_batch(columns_of(all), as_of, policy);
  EXPECT_EQ(out.size(), all.size());
  int shown = 0;
  for (std::size_t i = 0; i < all.size() && i < out.size(); ++i) {
    const SmeOutcome want = outcome_of(evaluate_sme(all[i], policy, as_of));
    if (out[i] != want && shown++ < 10)
      ADD_FAILURE() << policy.id << " " << all[i].id << " at " << as_of.to_string() << ": batch "
                    << describe(out[i]) << ", explained " << describe(want);
  }
  return out;
}

constexpr std::uint8_t bit(int condition) {
  return static_cast<std::uint8_t>(1u << (condition - 1));
}

// ---- Hand-made cases: each pair sits on a threshold and one yuan (or one unit) beside it. ----

struct Case {
  const char* name;
  std::function<void(EnterpriseFacts&)> change;
  int condition;  // E-number whose status the pair decides
  bool passes;
};

TEST(RulesBatch, HteThresholdsMatchTheExplainedPath) {
  auto latest = [](EnterpriseFacts& e) -> YearFacts& { return e.years.back(); };
  const std::vector<Case> cases = {
      {"age 365 days", [](auto& e) { e.registered_on = date("2024-05-20"); }, 1, true},
      {"age 364 days", [](auto& e) { e.registered_on = date("2024-05-21"); }, 1, false},
      {"main products 50%",
       [&](auto& e) {
         latest(e).high_tech_revenue = d("3000");
         latest(e).ip_backed_revenue = d("1500");
       },
       2, false},
      {"main products 50% + 1 yuan",
       [&](auto& e) {
         latest(e).high_tech_revenue = d("3000");
         latest(e).ip_backed_revenue = d("1500.0001");
       },
       2, true},
      {"staff 10%",
       [&](auto& e) {
         latest(e).employees = d("180");
         latest(e).st_staff = d("18");
       },
       4, true},
      {"staff below 10%",
       [&](auto& e) {
         latest(e).employees = d("180");
         latest(e).st_staff = d("17.9999");
       },
       4, false},
      {"R&D 5%",
       [&](auto& e) {
         e.years[0].rd_total = d("200");
         e.years[1].rd_total = d("200");
         latest(e).rd_total = d("205");
       },
       5, true},
      {"R&D 5% − 1 yuan",
       [&](auto& e) {
         e.years[0].rd_total = d("200");
         e.years[1].rd_total = d("200");
         latest(e).rd_total = d("204.9999");
       },
       5, false},
      {"tier bound 5000 inclusive",
       [&](auto& e) {
         for (auto& y : e.years) y.rd_total = d("200");
         latest(e).sales_revenue = d("5000");
       },
       5, false},
      {"tier bound 5000.0001",
       [&](auto& e) {
         for (auto& y : e.years) y.rd_total = d("200");
         latest(e).sales_revenue = d("5000.0001");
       },
       5, true},
      {"domestic 60%",
       [](auto& e) {
         for (auto& y : e.years) {
           RdBreakdown b;
           b.personnel = d("150");
           b.commissioned_foreign = d("125");
           y.rd = b;
         }
       },
       5, true},
      {"domestic below 60%",
       [&](auto& e) {
         for (auto& y : e.years) {
           RdBreakdown b;
           b.personnel = d("150");
           b.commissioned_foreign = d("125");
           y.rd = b;
         }
         latest(e).rd->personnel = d("149.9999");
       },
       5, false},
      {"high-tech 60%",
       [&](auto& e) {
         latest(e).gross_income = d("5230");
         latest(e).non_taxable_income = d("30");
         latest(e).high_tech_revenue = d("3120");
         latest(e).ip_backed_revenue = d("3120");
       },
       6, true},
      {"high-tech below 60%",
       [&](auto& e) {
         latest(e).gross_income = d("5230");
         latest(e).non_taxable_income = d("30");
         latest(e).high_tech_revenue = d("3119.9999");
         latest(e).ip_backed_revenue = d("3119.9999");
       },
       6, false},
      {"score 70", [](auto& e) { e.expert_scores->rd_management = d("15"); }, 7, false},
      {"score 70.0001", [](auto& e) { e.expert_scores->rd_management = d("15.0001"); }, 7, true},
      {"IP capped: 30 + 40 = 70",
       [](auto& e) {
         auto& s = *e.expert_scores;
         s.ip_advancement = s.ip_core_support = s.ip_quantity = d("8");
         s.ip_acquisition = d("6");
         s.transfer = d("17");
         s.growth_sales = d("0");
       },
       7, false},
      {"IP capped: 30 + 40.0001",
       [](auto& e) {
         auto& s = *e.expert_scores;
         s.ip_advancement = s.ip_core_support = s.ip_quantity = d("8");
         s.ip_acquisition = d("6");
         s.transfer = d("17");
         s.growth_sales = d("0.0001");
       },
       7, true},
      {"panel mean 70.2",
       [](auto& e) {
         e.expert_scores.reset();
         e.panel_totals = {d("70"), d("71"), d("70"), d("69"), d("71")};
       },
       7, true},
      {"panel mean 70",
       [](auto& e) {
         e.expert_scores.reset();
         e.panel_totals = {d("70"), d("70")};
       },
       7, false},
      {"incident 365 days before",
       [](auto& e) {
         e.incidents = {{date("2024-05-20"), IncidentKind::safety}};
       },
       8, false},
      {"incident 366 days before",
       [](auto& e) {
         e.incidents = {{date("2024-05-19"), IncidentKind::quality}};
       },
       8, true},
      {"misconduct is not an HTE incident",
       [](auto& e) {
         e.incidents = {{date("2025-01-01"), IncidentKind::research_misconduct}};
       },
       8, true},
  };
  std::vector<EnterpriseFacts> all;
  for (const auto& c : cases) {
    EnterpriseFacts e = testing::hte_ok();
    e.id = c.name;
    c.change(e);
    all.push_back(std::move(e));
  }
  const auto out = expect_hte_agrees(all, testing::kHteAsOf);
  ASSERT_EQ(out.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const bool failed = out[i].failed & bit(cases[i].condition);
    const bool unknown = out[i].unknown & bit(cases[i].condition);
    EXPECT_FALSE(unknown) << cases[i].name;
    EXPECT_EQ(!failed, cases[i].passes) << cases[i].name;
  }
}

TEST(RulesBatch, SmeThresholdsAndRoutesMatchTheExplainedPath) {
  auto dy = [](EnterpriseFacts& e) -> YearFacts& { return e.years.front(); };
  std::vector<EnterpriseFacts> all;
  auto add = [&](const char* name, const std::function<void(EnterpriseFacts&)>& change) {
    EnterpriseFacts e = testing::sme_ok();
    e.id = name;
    change(e);
    all.push_back(std::move(e));
  };
  add("baseline 60 points", [](auto&) {});
  add("caps inclusive", [&](auto& e) {
    dy(e).employees = d("500");
    dy(e).st_staff = d("110");
    dy(e).sales_revenue = d("20000");
    dy(e).total_assets = d("20000");
    dy(e).rd_total = d("840");
  });
  add("assets over cap", [&](auto& e) { dy(e).total_assets = d("20000.0001"); });
  add("staff band 20% − 1 yuan", [&](auto& e) { dy(e).st_staff = d("39.9999"); });
  add("R&D 4% of sales", [&](auto& e) { dy(e).rd_total = d("80"); });
  add("R&D 4% − 1 yuan", [&](auto& e) { dy(e).rd_total = d("79.9999"); });
  add("monthly staff", [&](auto& e) {
    dy(e).staff_monthly.assign(12, StaffMonth{d("200"), d("200"), d("40"), d("40")});
  });
  add("no data year", [](auto& e) { e.years.clear(); });
  add("HTE certificate", [](auto& e) {
    e.ip.clear();
    e.hte_certificate_issued_on = date("2022-04-01");
  });
  add("HTE certificate expired", [](auto& e) {
    e.ip.clear();
    e.hte_certificate_issued_on = date("2022-03-31");
  });
  add("national award rank 3", [](auto& e) {
    e.ip.clear();
    e.awards = {{"national", 2020, 3}};
  });
  add("provincial award", [](auto& e) {
    e.ip.clear();
    e.awards = {{"provincial", 2024, 1}};
  });
  add("provincial key lab", [](auto& e) {
    e.ip.clear();
    e.rd_institutions = {{InstitutionLevel::provincial, InstitutionKind::key_lab}};
  });
  add("led standard 5 years ago", [](auto& e) {
    e.ip.clear();
    e.standards = {{StandardLevel::industry, date("2020-03-31"), 5}};
  });
  add("standard too old", [](auto& e) {
    e.ip.clear();
    e.standards = {{StandardLevel::industry, date("2020-03-30"), 1}};
  });
  add("direct route but listed", [](auto& e) {
    e.hte_certificate_issued_on = date("2024-01-01");
    e.abnormal_operation_list = true;
  });
  const auto out = expect_sme_agrees(all, testing::kSmeAsOf);
  ASSERT_EQ(out.size(), all.size());
  EXPECT_EQ(out[0].route, SmeRoute::score);
  EXPECT_EQ(out[1].failed & bit(2), 0);
  EXPECT_NE(out[2].failed & bit(2), 0);
  EXPECT_EQ(out[8].route, SmeRoute::direct_hte);
  EXPECT_EQ(out[9].verdict, SmeVerdict::not_qualified);
  EXPECT_EQ(out[10].route, SmeRoute::direct_award);
  EXPECT_EQ(out[12].route, SmeRoute::direct_institution);
  EXPECT_EQ(out[13].route, SmeRoute::direct_standard);
  EXPECT_EQ(out[14].verdict, SmeVerdict::not_qualified);
}

// ---- Generated enterprises. -----------------------------------------------------------------

struct Rng {  // splitmix64: deterministic
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::int64_t in(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return in(1, 100) <= percent; }
  std::int64_t delta() { return in(-1, 1); }  // on, one unit below, one unit above
  Date day(const char* from, int span) {
    return date(from).add_days(static_cast<std::int32_t>(in(0, span)));
  }
};

// An optional that is absent now and then.
std::optional<Decimal> maybe(Rng& r, std::int64_t units) {
  if (r.chance(4)) return std::nullopt;
  return u(units);
}

YearFacts random_year(Rng& r, int y) {
  YearFacts f;
  f.year = y;
  const std::int64_t sales = r.chance(3) ? 0 : r.in(0, 30000) * W + r.in(0, 9999);
  f.sales_revenue = maybe(r, sales);
  f.gross_income = maybe(r, r.chance(3) ? 0 : sales + r.in(0, 500) * W);
  f.non_taxable_income = maybe(r, r.in(0, 50) * W);
  const std::int64_t ht = r.chance(3) ? 0 : sales * r.in(40, 100) / 100;
  f.high_tech_revenue = maybe(r, ht);
  f.ip_backed_revenue = maybe(r, ht * r.in(40, 100) / 100);
  const auto rd_mode = r.in(0, 9);
  if (rd_mode <= 5) {
    RdBreakdown b;
    b.personnel = u(sales * r.in(0, 60) / 1000);
    b.direct_inputs = u(sales * r.in(0, 25) / 1000);
    b.depreciation = u(r.chance(30) ? sales * r.in(0, 10) / 1000 : 0);
    b.amortisation = u(r.chance(20) ? r.in(0, 50) * W : 0);
    b.design = u(r.chance(20) ? r.in(0, 50) * W : 0);
    b.trials = u(r.chance(20) ? r.in(0, 50) * W : 0);
    b.commissioned_domestic = u(r.chance(30) ? sales * r.in(0, 10) / 1000 : 0);
    b.commissioned_foreign = u(r.chance(20) ? sales * r.in(0, 30) / 1000 : 0);
    b.other = u(sales * r.in(0, 30) / 1000);  // sometimes above either cap
    f.rd = b;
    if (r.chance(20)) f.rd_total = u(r.in(0, 900) * W);  // the breakdown wins
  } else if (rd_mode <= 8) {
    f.rd_total = maybe(r, sales * r.in(0, 80) / 1000);
  }
  f.total_cost_expense = maybe(r, r.chance(3) ? 0 : sales * r.in(50, 100) / 100);
  f.net_assets = maybe(r, r.chance(5) ? 0 : r.in(-500, 8000) * W);
  f.total_assets = maybe(r, r.in(100, 25000) * W);
  const auto staff_mode = r.in(0, 9);
  if (staff_mode <= 6) {
    const std::int64_t emp = r.chance(2) ? 0 : r.in(1, 700) * W + r.in(0, 9999);
    f.employees = maybe(r, emp);
    f.st_staff = maybe(r, emp * r.in(0, 45) / 100);
  } else if (staff_mode <= 8) {
    const auto months = r.chance(70) ? 12 : r.in(1, 12);
    for (int m = 0; m < months; ++m) {
      const std::int64_t a = r.in(5, 600) * W, b = a + r.in(-5, 5) * W;
      f.staff_monthly.push_back({u(a), u(b), u(a * r.in(0, 40) / 100), u(b * r.in(0, 40) / 100)});
    }
  }
  f.transfers = static_cast<int>(r.in(0, 7));
  return f;
}

YearFacts* find_year(EnterpriseFacts& e, int y) {
  for (auto& f : e.years)
    if (f.year == y) return &f;
  return nullptr;
}

// Moves figures onto a threshold (± one unit) of one condition or another.
void place_on_thresholds(Rng& r, EnterpriseFacts& e) {
  YearFacts* y22 = find_year(e, 2022);
  YearFacts* y23 = find_year(e, 2023);
  YearFacts* y24 = find_year(e, 2024);
  if (!y24) return;
  switch (r.in(0, 9)) {
    case 0: {  // E4: S&T staff exactly 10% of employees (annual averages)
      const std::int64_t m = r.in(1, 500) * W + r.in(0, 999);
      y24->staff_monthly.clear();
      y24->employees = u(10 * m);
      y24->st_staff = u(m + r.delta());
      break;
    }
    case 1: {  // E6: high-tech revenue exactly 60% of total income; E2: own-IP products 50%
      const std::int64_t m = r.in(1, 3000) * W + r.in(0, 999);
      y24->non_taxable_income = u(r.in(0, 50) * W);
      y24->gross_income = u(y24->non_taxable_income->units() + 10 * m);
      y24->high_tech_revenue = u(6 * m + r.delta());
      y24->ip_backed_revenue = u((6 * m) / 2 + r.in(0, 1));
      break;
    }
    case 2: {  // E5: three-year R&D exactly at the tier of the latest sales (rd_total only)
      if (!y22 || !y23) break;
      for (YearFacts* y : {y22, y23, y24}) {
        y->rd.reset();
        y->sales_revenue = u(r.in(100, 9000) * W + r.in(0, 9999));
        y->rd_total = u(y->sales_revenue->units() * r.in(20, 60) / 1000);
      }
      if (r.chance(50))  // the tier bounds 5,000 and 20,000 万元, inclusive, ± one yuan
        y24->sales_revenue = u((r.chance(50) ? 5000 : 20000) * W + r.delta());
      const std::int64_t s =
          y22->sales_revenue->units() + y23->sales_revenue->units() + y24->sales_revenue->units();
      const Fraction s24 = Fraction::of(*y24->sales_revenue);
      std::int64_t num = 3, den = 100;  // tiers 5% / 4% / 3%
      if (s24 <= Fraction::integer(5000))
        num = 5;
      else if (s24 <= Fraction::integer(20000))
        num = 4;
      const std::int64_t need = (s * num + den - 1) / den;  // smallest total at the tier
      const std::int64_t last = need - y22->rd_total->units() - y23->rd_total->units() + r.delta();
      if (last >= 0) y24->rd_total = u(last);
      e.registered_on = date("2015-06-01");
      break;
    }
    case 3: {  // E5: domestic share exactly 60% (personnel 6k, foreign commissioned 5k at 80%)
      for (YearFacts* y : {y22, y23, y24}) {
        if (!y) continue;
        const std::int64_t k = r.in(1, 20) * W + r.in(0, 999);
        RdBreakdown b;
        b.personnel = u(6 * k);
        b.commissioned_foreign = u(5 * k);
        y->rd = b;
        y->sales_revenue = u(10 * k * r.in(12, 30));
      }
      y24->rd->personnel = y24->rd->personnel + u(r.delta());
      break;
    }
    case 4: {  // E7: total exactly 70 with the IP part above its cap, or a panel mean of 70
      if (r.chance(50)) {
        ExpertScores s;
        s.ip_advancement = d("8");
        s.ip_core_support = d("8");
        s.ip_quantity = d("8");
        s.ip_acquisition = d("6");
        s.ip_standards_bonus = u(r.in(0, 2) * W);  // 30–32, capped at 30
        s.transfer = d("20");
        s.rd_management = d("10");
        s.growth_net_assets = d("5");
        s.growth_sales = u(5 * W + r.delta());
        e.expert_scores = s;
      } else {
        e.expert_scores.reset();
        e.panel_totals = {d("69"), d("71"), u(70 * W + r.delta()), d("70")};
      }
      break;
    }
    case 5: {  // M2: the SME caps, inclusive, ± one yuan
      y24->staff_monthly.clear();
      y24->employees = u(500 * W + r.delta());
      y24->st_staff = u(150 * W);
      y24->sales_revenue = u(20000 * W + r.delta());
      y24->total_assets = u(20000 * W + r.delta());
      break;
    }
    case 6: {  // SME staff bands 30/25/20/15/10% exactly
      const std::int64_t m = r.in(1, 300) * W + r.in(0, 99);
      static constexpr std::int64_t kPct[] = {30, 25, 20, 15, 10};
      y24->staff_monthly.clear();
      y24->employees = u(100 * m);
      y24->st_staff = u(kPct[r.in(0, 4)] * m + r.delta());
      break;
    }
    case 7: {  // SME R&D bands: of sales 6..2%, of total cost 30..10%, exactly
      const std::int64_t m = r.in(1, 300) * W + r.in(0, 99);
      y24->rd.reset();
      y24->sales_revenue = u(100 * m);
      y24->total_cost_expense = u(100 * m * r.in(1, 3));
      y24->rd_total = u(r.in(2, 6) * m + r.delta());
      break;
    }
    default:
      break;
  }
}

EnterpriseFacts generated(std::size_t i) {
  Rng r{i * 104729 + 11};
  EnterpriseFacts e;
  e.id = "G" + std::to_string(i);
  switch (r.in(0, 9)) {
    case 0:
      e.registered_on = testing::kHteAsOf.add_days(-365 - static_cast<int>(r.in(0, 1)));
      break;
    case 1:
      e.registered_on = r.day("2021-06-01", 1500);
      break;  // short histories
    default:
      e.registered_on = r.day("2010-01-01", 4500);
      break;
  }
  e.resident = !r.chance(5);
  e.prohibited_industry = r.chance(5);
  e.abnormal_operation_list = r.chance(4);
  e.serious_violation_list = r.chance(4);
  if (!r.chance(15)) e.tech_field = static_cast<int>(r.in(1, 8));
  const int n_inc = r.chance(80) ? 0 : static_cast<int>(r.in(1, 2));
  for (int k = 0; k < n_inc; ++k) {
    static const char* kEdges[] = {"2024-05-20", "2024-05-19", "2025-05-20", "2025-05-21",
                                   "2024-01-01", "2023-12-31", "2025-03-31", "2025-04-01"};
    const Date when = r.chance(60) ? date(kEdges[r.in(0, 7)]) : r.day("2022-01-01", 1400);
    e.incidents.push_back({when, static_cast<IncidentKind>(r.in(0, 3))});
  }
  if (r.chance(25)) {
    static const char* kEdges[] = {"2022-03-31", "2022-04-01", "2022-03-30", "2021-02-28",
                                   "2021-03-01", "2020-02-29", "2025-04-01", "2025-03-31"};
    e.hte_certificate_issued_on =
        r.chance(60) ? date(kEdges[r.in(0, 7)]) : r.day("2019-01-01", 2600);
  }
  if (r.chance(8)) {
    static const char* kLevels[] = {"national", "provincial", "National"};
    e.awards.push_back(
        {kLevels[r.in(0, 2)], static_cast<int>(r.in(2017, 2026)), static_cast<int>(r.in(0, 5))});
  }
  if (r.chance(8))
    e.rd_institutions.push_back(
        {static_cast<InstitutionLevel>(r.in(0, 4)), static_cast<InstitutionKind>(r.in(0, 6))});
  if (r.chance(8)) {
    const Date issued = r.chance(50) ? date("2020-03-31").add_days(static_cast<int>(r.in(-1, 1)))
                                     : r.day("2018-01-01", 3000);
    e.standards.push_back(
        {static_cast<StandardLevel>(r.in(0, 2)), issued, static_cast<int>(r.in(0, 7))});
  }
  for (int y = 2017; y <= 2025; ++y) {
    if (r.chance(7)) continue;  // a missing year
    e.years.push_back(random_year(r, y));
    if (r.chance(3)) e.years.push_back(random_year(r, y));  // a duplicate: the first one counts
  }
  if (r.chance(50)) std::swap(e.years.front(), e.years.back());  // any order
  const int n_ip = static_cast<int>(r.in(0, 6));
  for (int k = 0; k < n_ip; ++k) {
    IpItem it;
    it.kind = static_cast<IpKind>(r.in(0, kIpKindCount - 1));
    if (!r.chance(5)) it.granted_on = r.day("2015-01-01", 4200);
    it.valid = !r.chance(10);
    if (r.chance(15)) it.used_in_hte_recognition = 2021;
    e.ip.push_back(it);
  }
  const auto scoring = r.in(1, 10);
  if (scoring <= 6) {
    ExpertScores s;
    s.ip_advancement = u(r.in(0, 8) * W);
    s.ip_core_support = u(r.in(0, 8) * W);
    s.ip_quantity = u(r.in(0, 8) * W);
    s.ip_acquisition = u(r.in(0, 6) * W);
    s.ip_standards_bonus = u(r.in(0, 2) * W);
    s.transfer = u(r.in(10, 30) * W);
    s.rd_management = u(r.in(5, 20) * W + r.in(0, 9999));
    s.growth_net_assets = u(r.in(0, 10) * W);
    s.growth_sales = u(r.in(0, 10) * W);
    e.expert_scores = s;
  } else if (scoring <= 8) {
    const auto n = r.in(1, 7);
    for (int k = 0; k < n; ++k) e.panel_totals.push_back(u(r.in(60, 80) * W));
  }
  if (r.chance(70)) place_on_thresholds(r, e);
  return e;
}

std::vector<EnterpriseFacts> generated_population(std::size_t n) {
  std::vector<EnterpriseFacts> all;
  for (std::size_t i = 0; i < n; ++i) all.push_back(generated(i));
  return all;
}

constexpr std::size_t kGenerated = 6000;

TEST(RulesBatch, GeneratedHteAgreesWithTheExplainedPath) {
  const auto all = generated_population(kGenerated);
  const auto out = expect_hte_agrees(all, testing::kHteAsOf);
  expect_hte_agrees(all, date("2024-02-29"));  // leap day; window 2021–2023
  expect_hte_agrees(all, date("2023-01-01"));

  // The population must exercise every condition both ways and every verdict, or agreement
  // would prove little.
  int verdicts[3] = {}, fails[8] = {}, unknowns[8] = {}, passes[8] = {};
  for (const auto& o : out) {
    ++verdicts[static_cast<int>(o.verdict)];
    for (int k = 0; k < 8; ++k) {
      if (o.failed & (1u << k))
        ++fails[k];
      else if (o.unknown & (1u << k))
        ++unknowns[k];
      else
        ++passes[k];
    }
  }
  for (int v = 0; v < 3; ++v) EXPECT_GT(verdicts[v], 20) << "verdict " << v;
  for (int k = 0; k < 8; ++k) {
    EXPECT_GT(passes[k], 20) << "E" << k + 1 << " passes";
    if (k != 2) {  // E3 never fails
      EXPECT_GT(fails[k], 20) << "E" << k + 1 << " fails";
    }
  }
  for (int k : {1, 2, 3, 4, 5, 6}) EXPECT_GT(unknowns[k], 20) << "E" << k + 1 << " unknown";
}

TEST(RulesBatch, GeneratedSmeAgreesWithTheExplainedPath) {
  const auto all = generated_population(kGenerated);
  const auto out = expect_sme_agrees(all, testing::kSmeAsOf);
  expect_sme_agrees(all, date("2024-02-29"));
  expect_sme_agrees(all, date("2023-01-01"));

  int verdicts[3] = {}, routes[5] = {}, fails[5] = {}, unknowns[5] = {};
  for (const auto& o : out) {
    ++verdicts[static_cast<int>(o.verdict)];
    if (o.route) ++routes[static_cast<int>(*o.route)];
    for (int k = 0; k < 5; ++k) {
      if (o.failed & (1u << k)) ++fails[k];
      if (o.unknown & (1u << k)) ++unknowns[k];
    }
  }
  for (int v = 0; v < 3; ++v) EXPECT_GT(verdicts[v], 20) << "verdict " << v;
  for (int k = 0; k < 5; ++k) EXPECT_GT(routes[k], 5) << "route " << k;
  for (int k = 0; k < 5; ++k) EXPECT_GT(fails[k], 20) << "M" << k + 1 << " fails";
  EXPECT_GT(unknowns[1], 20) << "M2 unknown";
  EXPECT_GT(unknowns[4], 20) << "M5 unknown";
}

// The two paths must agree under every shipped version, and under versions with other numbers:
// the batch path compiles thresholds from the policy, so agreement on one set of numbers alone
// could hide a threshold the batch path took from somewhere else.
TEST(RulesBatch, EveryPolicyVersionAgreesWithTheExplainedPath) {
  const auto all = generated_population(kGenerated / 3);
  int versions = 0;
  for (const auto& id : policy_ids()) {
    SCOPED_TRACE(id);
    const PolicyLoad l = load_policy(id);
    ASSERT_TRUE(l.policy) << l.error;
    ++versions;
    if (const auto* hte = std::get_if<HtePolicy>(&*l.policy)) {
      expect_hte_agrees(all, testing::kHteAsOf, *hte);
      HtePolicy other = *hte;  // a stricter notice: every number moved
      other.id += "-stricter";
      other.age_min_days += 100;
      for (auto& tier : other.rd_tiers) tier.min_ratio = tier.min_ratio + Fraction(1, 100);
      other.st_staff_min_ratio = other.st_staff_min_ratio + Fraction(3, 100);
      other.high_tech_revenue_min_share = Fraction(7, 10);
      other.main_products_min_share = Fraction(3, 5);
      other.score_pass_mark = Fraction::integer(75);
      other.incident_window_days = 730;
      expect_hte_agrees(all, testing::kHteAsOf, other);
      expect_hte_agrees(all, date("2024-02-29"), other);
    } else {
      const auto& sme = std::get<SmePolicy>(*l.policy);
      expect_sme_agrees(all, testing::kSmeAsOf, sme);
      SmePolicy other = sme;
      other.id += "-stricter";
      other.max_employees = Fraction::integer(300);
      other.max_sales = Fraction::integer(10000);
      other.max_total_assets = Fraction::integer(15000);
      other.pass_score = Fraction::integer(70);
      other.hte_certificate_valid_years = 2;
      expect_sme_agrees(all, testing::kSmeAsOf, other);
      expect_sme_agrees(all, date("2024-02-29"), other);
    }
  }
  EXPECT_GE(versions, 2);
}

// Threshold hits decided by the batch path alone, against the rule as the spec states it.
TEST(RulesBatch, GeneratedThresholdHitsAreDecidedAsTheSpecSays) {
  const auto all = generated_population(kGenerated);
  const FactColumns c = columns_of(all);
  const auto hte = hte_batch(c, testing::kHteAsOf);
  const auto sme = sme_batch(c, testing::kSmeAsOf);
  int staff_at = 0, staff_below = 0, ht_at = 0, caps_at = 0, caps_over = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const YearFacts* y = all[i].year(2024);
    if (!y || !y->staff_monthly.empty()) continue;
    if (y->employees && y->st_staff && y->employees->units() > 0) {
      const std::int64_t emp = y->employees->units(), st = y->st_staff->units();
      if (10 * st == emp) {  // exactly 10%: passes
        ++staff_at;
        EXPECT_FALSE((hte[i].failed | hte[i].unknown) & bit(4)) << all[i].id;
      }
      if (10 * st == emp - 10) {  // one yuan below: fails
        ++staff_below;
        EXPECT_TRUE(hte[i].failed & bit(4)) << all[i].id;
      }
    }
    if (y->gross_income && y->non_taxable_income && y->high_tech_revenue) {
      const std::int64_t ti = y->gross_income->units() - y->non_taxable_income->units();
      if (ti > 0 && 10 * y->high_tech_revenue->units() == 6 * ti) {  // exactly 60%: passes
        ++ht_at;
        EXPECT_FALSE((hte[i].failed | hte[i].unknown) & bit(6)) << all[i].id;
      }
    }
    if (y->employees && y->st_staff && y->sales_revenue && y->total_assets) {
      if (y->employees->units() == 500 * W && y->sales_revenue->units() == 20000 * W &&
          y->total_assets->units() == 20000 * W) {  // on every cap: passes
        ++caps_at;
        EXPECT_FALSE((sme[i].failed | sme[i].unknown) & bit(2)) << all[i].id;
      }
      if (y->total_assets->units() == 20000 * W + 1) {  // one yuan over: fails (never cleared)
        ++caps_over;
        EXPECT_TRUE(sme[i].failed & bit(2)) << all[i].id;
      }
    }
  }
  // The generator must really land on the thresholds.
  EXPECT_GT(staff_at, 5);
  EXPECT_GT(staff_below, 5);
  EXPECT_GT(ht_at, 5);
  EXPECT_GT(caps_at, 0);
  EXPECT_GT(caps_over, 0);
}

// ---- Fallback rows, year ranges, policy bounds, the certificate date. -------------------------

TEST(RulesBatch, AmountsBeyondTheExactRangeFallBackToTheExplainedPath) {
  std::vector<EnterpriseFacts> all = {testing::hte_ok(), testing::hte_ok(), testing::hte_ok()};
  all[1].years.back().sales_revenue = u(Decimal::kMaxUnits + 1);
  all[1].id = "huge";
  all[2].years.push_back(testing::year(2010, "1", "1", "1"));  // outside the columns: ignored
  all[2].years.back().gross_income = u(Decimal::kMaxUnits * 10);
  const FactColumns c = columns_of(all);
  ASSERT_EQ(c.fallbacks().size(), 1u);
  EXPECT_EQ(c.fallbacks()[0].row, 1u);
  EXPECT_TRUE(c.flags[1] & FactColumns::kFallback);
  const auto out = expect_hte_agrees(all, testing::kHteAsOf);
  EXPECT_EQ(out[0].verdict, HteVerdict::recognised);
  EXPECT_NE(out[1], out[0]);  // the huge latest sales change the R&D tier: E5 fails
  EXPECT_TRUE(out[1].failed & bit(5));
  expect_sme_agrees(all, testing::kSmeAsOf);
}

TEST(RulesBatch, DuplicateYearsKeepTheFirstAsTheExplainedPathDoes) {
  EnterpriseFacts e = testing::hte_ok();
  YearFacts dup = e.years.back();
  dup.st_staff = d("1");  // would fail E4 if it counted
  e.years.push_back(dup);
  const auto out = expect_hte_agrees({e}, testing::kHteAsOf);
  EXPECT_EQ(out[0].verdict, HteVerdict::recognised);
}

TEST(RulesBatch, RefusesDatesNeedingYearsOutsideTheColumns) {
  FactColumns c(2022, 2024);
  c.add(testing::hte_ok());
  std::vector<HteOutcome> out;
  const auto st = evaluate_hte_batch(c, testing::hte(), date("2026-01-10"), out);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, "rules.batch.years");
  EXPECT_NE(st.error().message.find("2023–2025"), std::string::npos) << st.error().message;
  std::vector<SmeOutcome> sme_out;
  EXPECT_FALSE(evaluate_sme_batch(c, testing::sme(), date("2022-06-01"), sme_out));
  EXPECT_TRUE(evaluate_sme_batch(c, testing::sme(), date("2025-06-01"), sme_out));
}

TEST(RulesBatch, RefusesPolicyNumbersOutsideTheExactRange) {
  FactColumns c(2018, 2025);
  c.add(testing::hte_ok());
  std::vector<HteOutcome> out;
  HtePolicy p = testing::hte();
  p.st_staff_min_ratio = Fraction(1, (domain::Int128(1) << 40) + 1);
  auto st = evaluate_hte_batch(c, p, testing::kHteAsOf, out);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("st_staff_min_ratio"), std::string::npos);
  p = testing::hte();
  p.rd_collection.commissioned_share = Fraction(70001, 100003);
  EXPECT_FALSE(evaluate_hte_batch(c, p, testing::kHteAsOf, out));
  p = testing::hte();
  p.rd_window_years = 17;
  EXPECT_FALSE(evaluate_hte_batch(c, p, testing::kHteAsOf, out));
}

TEST(RulesBatch, CertificateThresholdEqualsAddYearsOnEveryDay) {
  for (const char* as_of : {"2024-02-29", "2025-02-28", "2025-03-01", "2025-03-31", "2023-12-31"}) {
    for (int years : {1, 3, 4, -2}) {
      const Date a = date(as_of);
      const auto from = batch::first_day_expiring_after(a, years);
      ASSERT_TRUE(from);
      for (Date c = date("2017-01-01"); c <= date("2028-12-31"); c = c.add_days(1))
        ASSERT_EQ(c.days_since_epoch() >= from.value(), a < c.add_years(years))
            << as_of << " " << years << " " << c.to_string();
    }
  }
}

}  // namespace
}  // namespace kc::rules
