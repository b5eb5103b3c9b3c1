// HTE verdicts over FactColumns: the decisions of hte.cpp, condition by condition, on integer
// units with the policy's thresholds compiled once per run (see rules/batch.hpp for the bounds).
#include <algorithm>

#include "rules/batch.hpp"
#include "rules/batch_math.hpp"

namespace kc::rules {
namespace {

using namespace batch;
using F = FactColumns;

// The policy and the application date, compiled once for a run.
struct HteRun {
  std::int32_t as_of = 0, age_min_days = 0, incident_from = 0;
  int app_year = 0, window_years = 0, window_start = 0;  // window_start = app_year − window_years
  std::int32_t jan1[kMaxWindowYears + 1] = {};           // jan1[k]: 1 January of window_start + k
  Ratio main_products, st_staff, rd_domestic, high_tech;
  struct Tier {
    bool open = false;  // no upper bound
    Ratio sales_max, min_ratio;
  };
  std::vector<Tier> tiers;
  RdScale rd;
  // E7: total = min(cap, ip/U) + rest/U > pass  ⇔  (min(cap_u, ip·cap.q) + rest·cap.q)·pass.q
  // > pass.p·U·cap.q, with cap_u = cap.p·U.
  Ratio cap, pass;
  std::uint32_t incident_kinds = 0, ip_one = 0, ip_two = 0;
  bool single_use = true;
};

domain::Error policy_error(std::string message) {
  return domain::Error{"rules.batch.policy", std::move(message)};
}

domain::Result<HteRun> compile(const FactColumns& f, const HtePolicy& p, Date as_of) {
  HteRun r;
  r.as_of = as_of.days_since_epoch();
  r.age_min_days = p.age_min_days;
  r.app_year = as_of.year();
  r.window_years = p.rd_window_years;
  if (r.window_years > kMaxWindowYears)
    return policy_error("rd_window_years above " + std::to_string(kMaxWindowYears) +
                        " is outside the batch path");
  r.window_start = r.app_year - r.window_years;
  const int need_from = std::min(r.window_start, r.app_year - 1), need_to = r.app_year - 1;
  if (need_from < f.first_year() || need_to > f.last_year())
    return domain::Error{"rules.batch.years",
                         p.id + " on " + as_of.to_string() + " needs fiscal years " +
                             std::to_string(need_from) + "–" + std::to_string(need_to) +
                             "; the columns hold " + std::to_string(f.first_year()) + "–" +
                             std::to_string(f.last_year())};
  for (int k = 1; k <= r.window_years; ++k) {
    const auto d = Date::from_ymd(r.window_start + k, 1, 1);
    if (!d) return policy_error("window year out of the calendar range");
    r.jan1[k] = d->days_since_epoch();
  }
  r.incident_from = as_of.add_days(-p.incident_window_days).days_since_epoch();

  std::string err;
  auto ratio = [&](const Fraction& x, const char* name) {
    auto v = ratio_of(x, kMaxThresholdTerm, name, err);
    return v.value_or(Ratio{});
  };
  r.main_products = ratio(p.main_products_min_share, "main_products_min_share");
  r.st_staff = ratio(p.st_staff_min_ratio, "st_staff_min_ratio");
  r.rd_domestic = ratio(p.rd_domestic_min_share, "rd_domestic_min_share");
  r.high_tech = ratio(p.high_tech_revenue_min_share, "high_tech_revenue_min_share");
  r.cap = ratio(p.ip_score_cap, "ip_score_cap");
  r.pass = ratio(p.score_pass_mark, "score_pass_mark");
  for (const auto& t : p.rd_tiers) {
    HteRun::Tier tier;
    tier.open = !t.sales_max;
    if (t.sales_max) tier.sales_max = ratio(*t.sales_max, "rd_tiers.sales_max");
    tier.min_ratio = ratio(t.min_ratio, "rd_tiers.min_ratio");
    r.tiers.push_back(tier);
  }
  const auto rd = RdScale::of(p.rd_collection, err);
  if (!err.empty()) return policy_error(err);
  r.rd = *rd;
  for (const auto* kinds : {&p.ip_class_one, &p.ip_class_two})
    for (IpKind k : *kinds)
      if (static_cast<unsigned>(k) >= 32) return policy_error("unknown IP kind");
  for (IncidentKind k : p.incident_kinds)
    if (static_cast<unsigned>(k) >= 32) return policy_error("unknown incident kind");
  r.incident_kinds = mask_of(p.incident_kinds);
  r.ip_one = mask_of(p.ip_class_one);
  r.ip_two = mask_of(p.ip_class_two);
  r.single_use = p.ip_class_two_single_use;
  return r;
}

// growth_band cannot compute a band: a window year lacks the figure, or a base value is negative.
bool growth_blocked(const std::int64_t* values, const std::size_t* slots, int n, bool missing) {
  if (missing) return true;
  if (n >= 3) return values[slots[n - 3]] < 0 || values[slots[n - 2]] < 0;
  if (n == 2) return values[slots[0]] < 0;
  return false;
}

HteOutcome evaluate_row(const FactColumns& f, const HteRun& r, std::size_t row) {
  const std::uint16_t fl = f.flags[row];
  const std::int32_t reg = f.registered[row];
  Masks m;

  // E1: age and residence.
  m.set(0, (r.as_of - reg >= r.age_min_days && (fl & F::kResident)) ? CondStatus::pass
                                                                    : CondStatus::fail);

  // E2: countable IP, then the main products' share of high-tech revenue (latest year).
  const std::size_t ls = f.slot(row, r.app_year - 1);
  const std::uint16_t lh = f.year_has[ls];
  bool owned = false;
  for (std::uint32_t j = f.ip_begin[row], end = f.ip_begin[row + 1]; j < end && !owned; ++j) {
    const F::Ip& it = f.ip[j];
    if (!it.valid || (it.has_grant && it.granted > r.as_of)) continue;
    owned = in_mask(r.ip_one, it.kind) ||
            (in_mask(r.ip_two, it.kind) && !(r.single_use && it.used_in_hte));
  }
  CondStatus e2;
  if (!owned)
    e2 = CondStatus::fail;
  else if (!(lh & F::kIpBacked) || !(lh & F::kHighTech))
    e2 = CondStatus::unknown;
  else if (f.high_tech_revenue[ls] == 0)
    e2 = CondStatus::fail;
  else
    e2 = above(f.ip_backed_revenue[ls], f.high_tech_revenue[ls], r.main_products)
             ? CondStatus::pass
             : CondStatus::fail;
  m.set(1, e2);

  // E3: technology field judged.
  m.set(2, (fl & F::kTechField) ? CondStatus::pass : CondStatus::unknown);

  // E4: S&T staff share (the monthly divisor cancels in the ratio).
  CondStatus e4 = CondStatus::unknown;
  if (lh & F::kStaff) {
    const bool ok = f.employees[ls] > 0 && at_least(f.st_staff[ls], f.employees[ls], r.st_staff);
    e4 = ok ? CondStatus::pass : CondStatus::fail;
  }
  m.set(3, e4);

  // Window of operating fiscal years: max(window_start, registration year) .. app_year − 1.
  int first = r.window_start;
  for (int k = 1; k <= r.window_years && reg >= r.jan1[k]; ++k) first = r.window_start + k;
  const int last = r.app_year - 1;
  const int n = last - first + 1;  // ≤ 0: empty

  // E5 (three-year R&D ratio and domestic share) and the growth inputs, in one pass.
  std::size_t slots[kMaxWindowYears];
  bool rd_missing = n <= 0, na_missing = false, sales_missing = false;
  Int128 rd_sum = 0, dom_sum = 0, sales_sum = 0;
  for (int i = 0; i < n; ++i) {
    const std::size_t k = f.slot(row, first + i);
    slots[i] = k;
    const std::uint16_t h = f.year_has[k];
    na_missing |= !(h & F::kNetAssets);
    sales_missing |= !(h & F::kSales);
    Int128 t, d;
    if (!(h & F::kSales) || !r.rd.collect(f, k, h, t, d)) {
      rd_missing = true;
      continue;
    }
    rd_sum += t;
    dom_sum += d;
    sales_sum += f.sales[k];
  }
  CondStatus e5 = CondStatus::unknown;
  if (n <= 0) {
    e5 = CondStatus::fail;  // not a single completed fiscal year
  } else if (!rd_missing && (lh & F::kSales)) {
    const HteRun::Tier* tier = nullptr;
    for (const auto& t : r.tiers)
      if (t.open || units_at_most(f.sales[ls], 1, t.sales_max)) {
        tier = &t;
        break;
      }
    if (tier) {
      if (sales_sum == 0 || rd_sum == 0)
        e5 = CondStatus::fail;
      else  // (T / (U·d)) / (S / U) = T / (d·S)
        e5 = at_least(rd_sum, r.rd.d * sales_sum, tier->min_ratio) &&
                     at_least(dom_sum, rd_sum, r.rd_domestic)
                 ? CondStatus::pass
                 : CondStatus::fail;
    }
  }
  m.set(4, e5);

  // E6: high-tech revenue share of total income (gross − non-taxable), latest year.
  CondStatus e6 = CondStatus::unknown;
  constexpr std::uint16_t kE6 = F::kGrossIncome | F::kNonTaxable | F::kHighTech;
  if ((lh & kE6) == kE6) {
    const std::int64_t ti = f.gross_income[ls] - f.non_taxable_income[ls];
    const bool ok = ti > 0 && at_least(f.high_tech_revenue[ls], ti, r.high_tech);
    e6 = ok ? CondStatus::pass : CondStatus::fail;
  }
  m.set(5, e6);

  // E7: score strictly above the pass mark, unless a growth band cannot be computed.
  CondStatus e7 = CondStatus::unknown;
  const int gn = n > 0 ? n : 0;
  const bool blocked = growth_blocked(f.net_assets.data(), slots, gn, na_missing) ||
                       growth_blocked(f.sales.data(), slots, gn, sales_missing);
  if (!blocked && (fl & F::kExpert)) {
    const Int128 ip = Int128(f.expert[0][row]) + f.expert[1][row] + f.expert[2][row] +
                      f.expert[3][row] + f.expert[4][row];
    const Int128 rest =
        Int128(f.expert[5][row]) + f.expert[6][row] + f.expert[7][row] + f.expert[8][row];
    const Int128 cap_u = r.cap.p * kUnits, ip_c = ip * r.cap.q;
    const Int128 lhs = ((cap_u < ip_c ? cap_u : ip_c) + rest * r.cap.q) * r.pass.q;
    e7 = lhs > r.pass.p * kUnits * r.cap.q ? CondStatus::pass : CondStatus::fail;
  } else if (!blocked && (fl & F::kPanel)) {
    Int128 sum = 0;
    const std::uint32_t b = f.panel_begin[row], end = f.panel_begin[row + 1];
    for (std::uint32_t j = b; j < end; ++j) sum += f.panel_totals[j];
    e7 = sum * r.pass.q > r.pass.p * kUnits * Int128(end - b) ? CondStatus::pass : CondStatus::fail;
  }
  m.set(6, e7);

  // E8: no listed incident in [as_of − window, as_of].
  bool incident = false;
  for (std::uint32_t j = f.incident_begin[row], end = f.incident_begin[row + 1]; j < end; ++j) {
    const F::IncidentEntry& i = f.incidents[j];
    incident |= i.date >= r.incident_from && i.date <= r.as_of && in_mask(r.incident_kinds, i.kind);
  }
  m.set(7, incident ? CondStatus::fail : CondStatus::pass);

  HteOutcome o;
  o.failed = m.failed;
  o.unknown = m.unknown;
  o.verdict = m.failed ? HteVerdict::not_recognised
                       : (m.unknown ? HteVerdict::needs_review : HteVerdict::recognised);
  return o;
}

}  // namespace

domain::Status evaluate_hte_batch(const FactColumns& f, const HtePolicy& p, Date as_of,
                                  std::vector<HteOutcome>& out) {
  auto run = compile(f, p, as_of);
  if (!run) return run.error();
  const HteRun& r = run.value();
  out.resize(f.size());
  for (std::size_t row = 0; row < f.size(); ++row) out[row] = evaluate_row(f, r, row);
  HteResult scratch;  // reused: the explained path allocates nothing per fallback row
  for (const auto& fb : f.fallbacks()) {
    evaluate_hte(fb.facts, p, as_of, scratch, EvalOptions{.explain = false});
    out[fb.row] = outcome_of(scratch);
  }
  return domain::ok();
}

}  // namespace kc::rules
