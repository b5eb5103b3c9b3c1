// The facts about one enterprise that the policy rules read (§6.2 of the policy-rules spec),
// independent of where they came from (a JSON file, the registry, a synthetic batch).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/decimal.hpp"

namespace kc::rules {

using domain::Date;
using domain::Decimal;

enum class IncidentKind { safety, quality, environment, research_misconduct };

struct Incident {
  Date date;
  IncidentKind kind = IncidentKind::safety;
};

// R&D expenses by the eight HTE categories, actual amounts before the 80% and cap rules.
struct RdBreakdown {
  Decimal personnel, direct_inputs, depreciation, amortisation, design, trials;
  Decimal commissioned_domestic, commissioned_foreign, other;
};

// Start and end head counts of one month; the monthly average is their mean.
struct StaffMonth {
  Decimal employees_start, employees_end, st_start, st_end;
};

struct YearFacts {
  int year = 0;
  std::optional<Decimal> sales_revenue, gross_income, non_taxable_income, high_tech_revenue,
      ip_backed_revenue;
  std::optional<RdBreakdown> rd;
  std::optional<Decimal> rd_total;  // shortcut: all internal, no "other"
  std::optional<Decimal> total_cost_expense, net_assets, total_assets;
  std::optional<Decimal> employees, st_staff;  // annual averages
  std::vector<StaffMonth> staff_monthly;       // empty or 12 entries
  std::optional<int> transfers;
};

enum class IpKind {
  invention_patent,
  defence_patent,
  plant_variety,
  crop_variety,
  new_drug,
  tcm_protected,
  ic_layout,
  utility_model,
  design_patent,
  software_copyright,
  trademark,
};
inline constexpr int kIpKindCount = 11;

enum class IpAcquisition { self, assigned, donated, merger };

struct IpItem {
  std::string id;
  IpKind kind = IpKind::invention_patent;
  std::optional<Date> granted_on;
  bool valid = true;
  IpAcquisition how = IpAcquisition::self;
  std::optional<int> used_in_hte_recognition;
};

enum class StandardLevel { international, national, industry };
struct StandardDrafted {
  StandardLevel level = StandardLevel::national;
  Date issued_on;
  int drafting_rank = 1;
};

struct Award {
  std::string level;  // "national" is the one the SME direct route knows
  int year = 0;
  int organisation_rank = 1;
};

enum class InstitutionLevel { national, ministerial, provincial, municipal, district };
enum class InstitutionKind {
  key_lab,
  engineering_tech_centre,
  engineering_lab,
  engineering_research_centre,
  enterprise_tech_centre,
  international_joint_centre,
  other
};
struct RdInstitution {
  InstitutionLevel level = InstitutionLevel::district;
  InstitutionKind kind = InstitutionKind::other;
};

// The panel's average points per indicator (fractional averages are allowed).
struct ExpertScores {
  Decimal ip_advancement, ip_core_support, ip_quantity, ip_acquisition, ip_standards_bonus;
  Decimal transfer, rd_management, growth_net_assets, growth_sales;
};

struct EnterpriseFacts {
  std::string id;
  Date registered_on;
  bool resident = true;
  bool prohibited_industry = false;
  bool abnormal_operation_list = false;
  bool serious_violation_list = false;
  std::vector<Incident> incidents;
  std::optional<int> tech_field;  // 1..8 when judged
  std::optional<Date> hte_certificate_issued_on;
  std::vector<YearFacts> years;  // unique years, any order
  std::vector<IpItem> ip;
  std::vector<StandardDrafted> standards;
  std::vector<Award> awards;
  std::vector<RdInstitution> rd_institutions;
  std::optional<ExpertScores> expert_scores;
  std::vector<Decimal> panel_totals;  // empty when absent

  const YearFacts* year(int y) const {
    for (const auto& f : years)
      if (f.year == y) return &f;
    return nullptr;
  }
};

}  // namespace kc::rules
