// The facts of many enterprises laid out by field (structure of arrays) for the batch verdict
// path (rules/batch.hpp): one array per field, the fiscal years of an enterprise contiguous, and
// the lists (IP, incidents, panel totals, awards, institutions, standards) flattened with offsets.
// A million enterprises are then a few dozen long arrays instead of millions of heap blocks.
//
// It keeps what the verdicts depend on and nothing else (no ids, no transfers, no IP acquisition
// route): the explained results (evaluate_hte/evaluate_sme) stay the place for figures and texts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/facts.hpp"

namespace kc::rules {

class FactColumns {
 public:
  // Keeps fiscal years first_year..last_year of every enterprise; other years are not stored
  // (the evaluators refuse a policy date that needs a year outside the range).
  FactColumns(int first_year, int last_year);

  void reserve(std::size_t enterprises);
  // Appends one enterprise and returns its row. An enterprise with a figure outside the range the
  // integer arithmetic is proven exact for (|amount| > Decimal::kMaxUnits, more than 12 staff
  // months, …) is kept whole as a fallback row instead; the evaluators run the explained path
  // on it, so its verdict is still exact.
  std::size_t add(const EnterpriseFacts& e);

  std::size_t size() const { return flags.size(); }
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  int year_count() const { return last_year_ - first_year_ + 1; }
  // Index of (row, fiscal year) in the per-year arrays; year must be in the range.
  std::size_t slot(std::size_t row, int year) const {
    return row * static_cast<std::size_t>(year_count()) +
           static_cast<std::size_t>(year - first_year_);
  }

  struct Fallback {
    std::size_t row;
    EnterpriseFacts facts;
  };
  const std::vector<Fallback>& fallbacks() const { return fallbacks_; }

  // ---- Per enterprise (index: row). Read-only for the evaluators; filled by add(). -----------
  enum Flag : std::uint16_t {
    kResident = 1 << 0,
    kProhibited = 1 << 1,
    kAbnormal = 1 << 2,
    kViolation = 1 << 3,
    kTechField = 1 << 4,    // tech_field judged
    kExpert = 1 << 5,       // expert_scores given (wins over panel totals)
    kPanel = 1 << 6,        // at least one panel total
    kCertificate = 1 << 7,  // hte_certificate_issued_on given
    kFallback = 1 << 8,     // see fallbacks()
  };
  std::vector<std::uint16_t> flags;
  std::vector<std::int32_t> registered;   // days since 1970-01-01
  std::vector<std::int32_t> certificate;  // issue day when kCertificate
  // Expert scores in units (1/10000 point): the five IP sub-items, then transfer, R&D
  // management and the two growth items (ExpertScores order).
  std::vector<std::int64_t> expert[9];

  // Lists: entries of row r are [begin[r], begin[r + 1]).
  struct Ip {
    std::int32_t granted;  // days; only read when has_grant
    std::uint8_t kind;     // IpKind
    bool valid, used_in_hte, has_grant;
  };
  struct IncidentEntry {
    std::int32_t date;
    std::uint8_t kind;  // IncidentKind
  };
  struct AwardEntry {
    std::int32_t year, rank;
    std::uint32_t level;  // index into award_levels
  };
  struct InstitutionEntry {
    std::uint8_t level, kind;  // InstitutionLevel, InstitutionKind
  };
  struct StandardEntry {
    std::int32_t issued, rank;
    std::uint8_t level;  // StandardLevel
  };
  std::vector<std::uint32_t> ip_begin{0}, incident_begin{0}, panel_begin{0}, award_begin{0},
      institution_begin{0}, standard_begin{0};
  std::vector<Ip> ip;
  std::vector<IncidentEntry> incidents;
  std::vector<std::int64_t> panel_totals;  // units
  std::vector<AwardEntry> awards;
  std::vector<InstitutionEntry> institutions;
  std::vector<StandardEntry> standards;
  std::vector<std::string> award_levels;  // distinct award level names, in order of appearance

  // ---- Per fiscal year (index: slot(row, year)). Amounts in units (1 yuan = 0.0001 万元). -----
  enum YearBit : std::uint16_t {
    kYear = 1 << 0,  // the enterprise reported this year
    kSales = 1 << 1,
    kGrossIncome = 1 << 2,
    kNonTaxable = 1 << 3,
    kHighTech = 1 << 4,
    kIpBacked = 1 << 5,
    kRdBreakdown = 1 << 6,  // the nine rd_* categories (wins over rd_total)
    kRdTotal = 1 << 7,
    kCost = 1 << 8,
    kNetAssets = 1 << 9,
    kTotalAssets = 1 << 10,
    kStaff = 1 << 11,  // employees and st_staff (annual averages or monthly sums)
  };
  std::vector<std::uint16_t> year_has;
  std::vector<std::int64_t> sales, gross_income, non_taxable_income, high_tech_revenue,
      ip_backed_revenue, total_cost_expense, net_assets, total_assets;
  std::vector<std::int64_t> rd_personnel, rd_direct_inputs, rd_depreciation, rd_amortisation,
      rd_design, rd_trials, rd_commissioned_domestic, rd_commissioned_foreign, rd_other, rd_total;
  // Annual averages are employees / staff_divisor and st_staff / staff_divisor: divisor 1 for
  // reported averages, 2 × months for monthly (start + end) sums (staff_averages' rule).
  std::vector<std::int64_t> employees, st_staff;
  std::vector<std::int32_t> staff_divisor;

 private:
  bool fits(const EnterpriseFacts& e) const;
  void add_year_slots();
  // Every per-(enterprise, year) amount and count column, for reserving and growing them together.
  std::array<std::vector<std::int64_t>*, 20> year_value_columns();
  void close_lists();

  int first_year_, last_year_;
  std::vector<Fallback> fallbacks_;
};

}  // namespace kc::rules
