#include "rules/fact_columns.hpp"

#include <algorithm>
#include <limits>

namespace kc::rules {
namespace {

bool in_range(Decimal d) {
  return d.units() >= -Decimal::kMaxUnits && d.units() <= Decimal::kMaxUnits;
}
bool in_range(const std::optional<Decimal>& d) { return !d || in_range(*d); }

// Enum values become bit positions in 32-bit masks.
template <class E>
bool small_enum(E e) {
  return static_cast<unsigned>(e) < 32;
}

constexpr std::size_t kMaxStaffMonths = 12;
constexpr std::size_t kMaxPanel = 1 << 16;  // keeps the panel sum far inside 64 bits

}  // namespace

FactColumns::FactColumns(int first_year, int last_year)
    : first_year_(first_year), last_year_(std::max(last_year, first_year - 1)) {}

void FactColumns::reserve(std::size_t n) {
  flags.reserve(n);
  registered.reserve(n);
  certificate.reserve(n);
  for (auto& v : expert) v.reserve(n);
  for (auto* b : {&ip_begin, &incident_begin, &panel_begin, &award_begin, &institution_begin,
                  &standard_begin})
    b->reserve(n + 1);
  const std::size_t slots = n * static_cast<std::size_t>(year_count());
  year_has.reserve(slots);
  for (auto* v : year_value_columns()) v->reserve(slots);
  staff_divisor.reserve(slots);
}

// Whether every figure lies in the range the batch arithmetic is exact for (see batch.hpp).
bool FactColumns::fits(const EnterpriseFacts& e) const {
  for (const auto& y : e.years) {
    if (y.year < first_year_ || y.year > last_year_) continue;
    for (const auto* d :
         {&y.sales_revenue, &y.gross_income, &y.non_taxable_income, &y.high_tech_revenue,
          &y.ip_backed_revenue, &y.rd_total, &y.total_cost_expense, &y.net_assets, &y.total_assets,
          &y.employees, &y.st_staff})
      if (!in_range(*d)) return false;
    if (y.rd) {
      const RdBreakdown& b = *y.rd;
      for (Decimal d : {b.personnel, b.direct_inputs, b.depreciation, b.amortisation, b.design,
                        b.trials, b.commissioned_domestic, b.commissioned_foreign, b.other})
        if (!in_range(d)) return false;
    }
    if (y.staff_monthly.size() > kMaxStaffMonths) return false;
    for (const auto& m : y.staff_monthly)
      for (Decimal d : {m.employees_start, m.employees_end, m.st_start, m.st_end})
        if (!in_range(d)) return false;
  }
  if (e.expert_scores) {
    const ExpertScores& s = *e.expert_scores;
    for (Decimal d :
         {s.ip_advancement, s.ip_core_support, s.ip_quantity, s.ip_acquisition,
          s.ip_standards_bonus, s.transfer, s.rd_management, s.growth_net_assets, s.growth_sales})
      if (!in_range(d)) return false;
  }
  if (e.panel_totals.size() > kMaxPanel) return false;
  for (Decimal d : e.panel_totals)
    if (!in_range(d)) return false;
  for (const auto& i : e.ip)
    if (!small_enum(i.kind)) return false;
  for (const auto& i : e.incidents)
    if (!small_enum(i.kind)) return false;
  for (const auto& i : e.rd_institutions)
    if (!small_enum(i.level) || !small_enum(i.kind)) return false;
  for (const auto& s : e.standards)
    if (!small_enum(s.level)) return false;
  // Offsets are 32-bit: a batch that would outgrow them keeps the rest as fallback rows.
  constexpr std::size_t kMaxOffset = std::numeric_limits<std::uint32_t>::max();
  return ip.size() + e.ip.size() <= kMaxOffset &&
         incidents.size() + e.incidents.size() <= kMaxOffset &&
         panel_totals.size() + e.panel_totals.size() <= kMaxOffset &&
         awards.size() + e.awards.size() <= kMaxOffset &&
         institutions.size() + e.rd_institutions.size() <= kMaxOffset &&
         standards.size() + e.standards.size() <= kMaxOffset;
}

std::array<std::vector<std::int64_t>*, 20> FactColumns::year_value_columns() {
  return {&sales,
          &gross_income,
          &non_taxable_income,
          &high_tech_revenue,
          &ip_backed_revenue,
          &total_cost_expense,
          &net_assets,
          &total_assets,
          &rd_personnel,
          &rd_direct_inputs,
          &rd_depreciation,
          &rd_amortisation,
          &rd_design,
          &rd_trials,
          &rd_commissioned_domestic,
          &rd_commissioned_foreign,
          &rd_other,
          &rd_total,
          &employees,
          &st_staff};
}

void FactColumns::add_year_slots() {
  const auto n = static_cast<std::size_t>(year_count());
  year_has.resize(year_has.size() + n, 0);
  for (auto* v : year_value_columns()) v->resize(v->size() + n, 0);
  staff_divisor.resize(staff_divisor.size() + n, 1);
}

void FactColumns::close_lists() {
  ip_begin.push_back(static_cast<std::uint32_t>(ip.size()));
  incident_begin.push_back(static_cast<std::uint32_t>(incidents.size()));
  panel_begin.push_back(static_cast<std::uint32_t>(panel_totals.size()));
  award_begin.push_back(static_cast<std::uint32_t>(awards.size()));
  institution_begin.push_back(static_cast<std::uint32_t>(institutions.size()));
  standard_begin.push_back(static_cast<std::uint32_t>(standards.size()));
}

std::size_t FactColumns::add(const EnterpriseFacts& e) {
  const std::size_t row = size();
  add_year_slots();
  for (auto& v : expert) v.push_back(0);
  registered.push_back(e.registered_on.days_since_epoch());
  certificate.push_back(
      e.hte_certificate_issued_on ? e.hte_certificate_issued_on->days_since_epoch() : 0);
  if (!fits(e)) {
    // An empty row keeps the arrays aligned; the evaluators overwrite its verdict.
    flags.push_back(kFallback);
    close_lists();
    fallbacks_.push_back({row, e});
    return row;
  }

  std::uint16_t fl = 0;
  if (e.resident) fl |= kResident;
  if (e.prohibited_industry) fl |= kProhibited;
  if (e.abnormal_operation_list) fl |= kAbnormal;
  if (e.serious_violation_list) fl |= kViolation;
  if (e.tech_field) fl |= kTechField;
  if (e.expert_scores) fl |= kExpert;
  if (!e.panel_totals.empty()) fl |= kPanel;
  if (e.hte_certificate_issued_on) fl |= kCertificate;
  flags.push_back(fl);

  if (e.expert_scores) {
    const ExpertScores& s = *e.expert_scores;
    const Decimal v[9] = {s.ip_advancement, s.ip_core_support,    s.ip_quantity,
                          s.ip_acquisition, s.ip_standards_bonus, s.transfer,
                          s.rd_management,  s.growth_net_assets,  s.growth_sales};
    for (int k = 0; k < 9; ++k) expert[k].back() = v[k].units();
  }

  for (const auto& i : e.ip)
    ip.push_back({i.granted_on ? i.granted_on->days_since_epoch() : 0,
                  static_cast<std::uint8_t>(i.kind), i.valid, i.used_in_hte_recognition.has_value(),
                  i.granted_on.has_value()});
  for (const auto& i : e.incidents)
    incidents.push_back({i.date.days_since_epoch(), static_cast<std::uint8_t>(i.kind)});
  for (Decimal d : e.panel_totals) panel_totals.push_back(d.units());
  for (const auto& a : e.awards) {
    auto it = std::find(award_levels.begin(), award_levels.end(), a.level);
    if (it == award_levels.end()) it = award_levels.insert(award_levels.end(), a.level);
    awards.push_back(
        {a.year, a.organisation_rank, static_cast<std::uint32_t>(it - award_levels.begin())});
  }
  for (const auto& i : e.rd_institutions)
    institutions.push_back({static_cast<std::uint8_t>(i.level), static_cast<std::uint8_t>(i.kind)});
  for (const auto& s : e.standards)
    standards.push_back(
        {s.issued_on.days_since_epoch(), s.drafting_rank, static_cast<std::uint8_t>(s.level)});
  close_lists();

  for (const auto& y : e.years) {
    if (y.year < first_year_ || y.year > last_year_) continue;
    const std::size_t k = slot(row, y.year);
    // EnterpriseFacts::year() answers with the first entry of a year: so does the batch.
    if (year_has[k] & kYear) continue;
    std::uint16_t has = kYear;
    auto put = [&](const std::optional<Decimal>& d, std::vector<std::int64_t>& col, YearBit bit) {
      if (!d) return;
      col[k] = d->units();
      has |= bit;
    };
    put(y.sales_revenue, sales, kSales);
    put(y.gross_income, gross_income, kGrossIncome);
    put(y.non_taxable_income, non_taxable_income, kNonTaxable);
    put(y.high_tech_revenue, high_tech_revenue, kHighTech);
    put(y.ip_backed_revenue, ip_backed_revenue, kIpBacked);
    put(y.total_cost_expense, total_cost_expense, kCost);
    put(y.net_assets, net_assets, kNetAssets);
    put(y.total_assets, total_assets, kTotalAssets);
    put(y.rd_total, rd_total, kRdTotal);
    if (y.rd) {
      const RdBreakdown& b = *y.rd;
      rd_personnel[k] = b.personnel.units();
      rd_direct_inputs[k] = b.direct_inputs.units();
      rd_depreciation[k] = b.depreciation.units();
      rd_amortisation[k] = b.amortisation.units();
      rd_design[k] = b.design.units();
      rd_trials[k] = b.trials.units();
      rd_commissioned_domestic[k] = b.commissioned_domestic.units();
      rd_commissioned_foreign[k] = b.commissioned_foreign.units();
      rd_other[k] = b.other.units();
      has |= kRdBreakdown;
    }
    if (!y.staff_monthly.empty()) {
      std::int64_t emp = 0, st = 0;
      for (const auto& m : y.staff_monthly) {
        emp += m.employees_start.units() + m.employees_end.units();
        st += m.st_start.units() + m.st_end.units();
      }
      employees[k] = emp;
      st_staff[k] = st;
      staff_divisor[k] = static_cast<std::int32_t>(2 * y.staff_monthly.size());
      has |= kStaff;
    } else if (y.employees && y.st_staff) {
      employees[k] = y.employees->units();
      st_staff[k] = y.st_staff->units();
      has |= kStaff;
    }
    year_has[k] = has;
  }
  return row;
}

}  // namespace kc::rules
