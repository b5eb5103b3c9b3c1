// SME verdicts over FactColumns: the decisions of sme.cpp on integer units with the policy's
// bands compiled once per run (see rules/batch.hpp for the bounds).
#include <algorithm>

#include "rules/batch.hpp"
#include "rules/batch_math.hpp"

namespace kc::rules {
namespace {

using namespace batch;
using F = FactColumns;

struct SmeRun {
  std::int32_t as_of = 0;
  int data_year = 0;
  RdScale rd;
  std::vector<PointsRatio> st_bands, sales_bands, cost_bands;
  int ip_one_points = 0;
  std::vector<CountBand> ip_two_bands;
  Ratio pass, max_employees, max_sales, max_assets;
  std::uint32_t ip_one = 0, ip_two = 0, incident_kinds = 0;
  std::int32_t incident_from = 0;  // 1 January of the first year of the incident window
  // Direct routes.
  std::int32_t certificate_from = 0;  // issued on or after it: still valid at as_of
  std::vector<bool> award_level_ok;   // by FactColumns::award_levels index
  int award_from_year = 0, award_to_year = 0, award_max_rank = 0;
  std::uint32_t institution_levels = 0, institution_kinds = 0, standard_levels = 0;
  std::int32_t standard_from = 0;
  int standard_max_rank = 0;
};

domain::Error policy_error(std::string message) {
  return domain::Error{"rules.batch.policy", std::move(message)};
}

template <class E>
bool small(const std::vector<E>& v) {
  return std::all_of(v.begin(), v.end(), [](E e) { return static_cast<unsigned>(e) < 32; });
}

domain::Result<SmeRun> compile(const FactColumns& f, const SmePolicy& p, Date as_of) {
  SmeRun r;
  r.as_of = as_of.days_since_epoch();
  r.data_year = as_of.year() - p.data_year_offset;
  if (r.data_year < f.first_year() || r.data_year > f.last_year())
    return domain::Error{"rules.batch.years",
                         p.id + " on " + as_of.to_string() + " needs fiscal year " +
                             std::to_string(r.data_year) + "; the columns hold " +
                             std::to_string(f.first_year()) + "–" + std::to_string(f.last_year())};
  std::string err;
  auto ratio = [&](const Fraction& x, const char* name) {
    return ratio_of(x, kMaxThresholdTerm, name, err).value_or(Ratio{});
  };
  auto bands = [&](const std::vector<PointsBand>& in, const char* name) {
    std::vector<PointsRatio> out;
    for (const auto& b : in) out.push_back({ratio(b.min, name), b.points});
    return out;
  };
  r.st_bands = bands(p.st_staff_bands, "st_staff_bands");
  r.sales_bands = bands(p.rd_sales_bands, "rd_sales_bands");
  r.cost_bands = bands(p.rd_cost_bands, "rd_cost_bands");
  r.pass = ratio(p.pass_score, "pass_score");
  r.max_employees = ratio(p.max_employees, "max_employees");
  r.max_sales = ratio(p.max_sales, "max_sales");
  r.max_assets = ratio(p.max_total_assets, "max_total_assets");
  const auto rd = RdScale::of(p.rd_collection, err);
  if (!err.empty()) return policy_error(err);
  r.rd = *rd;
  r.ip_one_points = p.ip_class_one_points;
  r.ip_two_bands = p.ip_class_two_bands;
  if (!small(p.ip_class_one) || !small(p.ip_class_two) || !small(p.incident_kinds) ||
      !small(p.institution_levels) || !small(p.institution_kinds) || !small(p.standard_levels))
    return policy_error("unknown enum value in the policy");
  r.ip_one = mask_of(p.ip_class_one);
  r.ip_two = mask_of(p.ip_class_two);
  r.incident_kinds = mask_of(p.incident_kinds);
  // "date.year() ≥ as_of.year() − back" is "date ≥ 1 January of that year".
  const auto jan1 = Date::from_ymd(as_of.year() - p.incident_years_back, 1, 1);
  if (!jan1) return policy_error("incident window outside the calendar range");
  r.incident_from = jan1->days_since_epoch();
  const auto cert = first_day_expiring_after(as_of, p.hte_certificate_valid_years);
  if (!cert) return cert.error();
  r.certificate_from = cert.value();
  for (const auto& name : f.award_levels)
    r.award_level_ok.push_back(std::find(p.award_levels.begin(), p.award_levels.end(), name) !=
                               p.award_levels.end());
  r.award_from_year = as_of.year() - p.award_window_years;
  r.award_to_year = as_of.year();
  r.award_max_rank = p.award_max_rank;
  r.institution_levels = mask_of(p.institution_levels);
  r.institution_kinds = mask_of(p.institution_kinds);
  r.standard_levels = mask_of(p.standard_levels);
  r.standard_from = as_of.add_years(-p.standard_window_years).days_since_epoch();
  r.standard_max_rank = p.standard_max_rank;
  return r;
}

// The first direct route the facts support (order of sme.cpp), M1–M4 aside.
std::optional<SmeRoute> direct_route(const FactColumns& f, const SmeRun& r, std::size_t row) {
  if ((f.flags[row] & F::kCertificate) && f.certificate[row] <= r.as_of &&
      f.certificate[row] >= r.certificate_from)
    return SmeRoute::direct_hte;
  for (std::uint32_t j = f.award_begin[row], end = f.award_begin[row + 1]; j < end; ++j) {
    const F::AwardEntry& a = f.awards[j];
    if (r.award_level_ok[a.level] && a.year >= r.award_from_year && a.year <= r.award_to_year &&
        a.rank >= 1 && a.rank <= r.award_max_rank)
      return SmeRoute::direct_award;
  }
  for (std::uint32_t j = f.institution_begin[row], end = f.institution_begin[row + 1]; j < end;
       ++j) {
    const F::InstitutionEntry& i = f.institutions[j];
    if (in_mask(r.institution_levels, i.level) && in_mask(r.institution_kinds, i.kind))
      return SmeRoute::direct_institution;
  }
  for (std::uint32_t j = f.standard_begin[row], end = f.standard_begin[row + 1]; j < end; ++j) {
    const F::StandardEntry& s = f.standards[j];
    if (in_mask(r.standard_levels, s.level) && s.issued >= r.standard_from && s.issued <= r.as_of &&
        s.rank >= 1 && s.rank <= r.standard_max_rank)
      return SmeRoute::direct_standard;
  }
  return std::nullopt;
}

SmeOutcome evaluate_row(const FactColumns& f, const SmeRun& r, std::size_t row) {
  const std::uint16_t fl = f.flags[row];
  const std::size_t k = f.slot(row, r.data_year);
  const std::uint16_t h = f.year_has[k];
  const bool has_year = h & F::kYear, staff = h & F::kStaff;
  Int128 rd_t = 0, rd_dom = 0;
  const bool rd = r.rd.collect(f, k, h, rd_t, rd_dom);

  // Score (§2.2); missing figures score 0 for their item.
  int st_points = 0, rd_option1 = 0, rd_option2 = 0, ip_points = 0;
  if (staff && f.employees[k] > 0)
    st_points = band_points(f.st_staff[k], f.employees[k], r.st_bands);
  if (rd && (h & F::kSales) && f.sales[k] > 0)  // (T / (U·d)) / (S / U) = T / (d·S)
    rd_option1 = band_points(rd_t, r.rd.d * f.sales[k], r.sales_bands);
  if (rd && (h & F::kCost) && f.total_cost_expense[k] > 0)
    rd_option2 = band_points(rd_t, r.rd.d * f.total_cost_expense[k], r.cost_bands);
  int class_one = 0, class_two = 0;
  for (std::uint32_t j = f.ip_begin[row], end = f.ip_begin[row + 1]; j < end; ++j) {
    const F::Ip& it = f.ip[j];
    if (!it.valid || (it.has_grant && it.granted > r.as_of)) continue;
    if (in_mask(r.ip_one, it.kind))
      ++class_one;
    else if (in_mask(r.ip_two, it.kind))
      ++class_two;
  }
  if (class_one > 0) {
    ip_points = r.ip_one_points;
  } else {
    for (const auto& b : r.ip_two_bands)
      if (class_two >= b.min) {
        ip_points = b.points;
        break;
      }
  }
  const int total = st_points + std::max(rd_option1, rd_option2) + ip_points;

  Masks m;
  m.set(0, (fl & F::kResident) ? CondStatus::pass : CondStatus::fail);
  CondStatus m2 = CondStatus::unknown;
  if (staff && (h & F::kSales) && (h & F::kTotalAssets))
    m2 = units_at_most(f.employees[k], f.staff_divisor[k], r.max_employees) &&
                 units_at_most(f.sales[k], 1, r.max_sales) &&
                 units_at_most(f.total_assets[k], 1, r.max_assets)
             ? CondStatus::pass
             : CondStatus::fail;
  m.set(1, m2);
  m.set(2, (fl & F::kProhibited) ? CondStatus::fail : CondStatus::pass);
  bool incident = false;
  for (std::uint32_t j = f.incident_begin[row], end = f.incident_begin[row + 1]; j < end; ++j) {
    const F::IncidentEntry& i = f.incidents[j];
    incident |= i.date >= r.incident_from && i.date <= r.as_of && in_mask(r.incident_kinds, i.kind);
  }
  m.set(3,
        !incident && !(fl & (F::kAbnormal | F::kViolation)) ? CondStatus::pass : CondStatus::fail);
  const bool score_ok = Int128(total) * r.pass.q >= r.pass.p && st_points != 0;
  CondStatus m5 = CondStatus::unknown;
  if (has_year) m5 = score_ok ? CondStatus::pass : CondStatus::fail;
  // A failing score on incomplete staff or R&D data is unknown, not failed.
  if (has_year && !score_ok && (!staff || !rd)) m5 = CondStatus::unknown;
  m.set(4, m5);

  SmeOutcome o;
  o.unknown = m.unknown;
  o.failed = m.failed;
  const bool m14_fail = m.failed & 0x0f, m14_unknown = m.unknown & 0x0f;
  const auto route = m14_fail ? std::nullopt : direct_route(f, r, row);
  if (m14_fail) {
    o.verdict = SmeVerdict::not_qualified;
  } else if (route) {
    o.verdict = m14_unknown ? SmeVerdict::needs_review : SmeVerdict::qualified;
    if (!m14_unknown) o.route = route;
    o.failed = 0;  // a direct route does not need the score
  } else if (m5 == CondStatus::fail) {
    o.verdict = SmeVerdict::not_qualified;
  } else if (m14_unknown || m5 == CondStatus::unknown) {
    o.verdict = SmeVerdict::needs_review;
  } else {
    o.verdict = SmeVerdict::qualified;
    o.route = SmeRoute::score;
  }
  return o;
}

}  // namespace

domain::Status evaluate_sme_batch(const FactColumns& f, const SmePolicy& p, Date as_of,
                                  std::vector<SmeOutcome>& out) {
  auto run = compile(f, p, as_of);
  if (!run) return run.error();
  const SmeRun& r = run.value();
  out.resize(f.size());
  for (std::size_t row = 0; row < f.size(); ++row) out[row] = evaluate_row(f, r, row);
  SmeResult scratch;
  for (const auto& fb : f.fallbacks()) {
    evaluate_sme(fb.facts, p, as_of, scratch, EvalOptions{.explain = false});
    out[fb.row] = outcome_of(scratch);
  }
  return domain::ok();
}

}  // namespace kc::rules
