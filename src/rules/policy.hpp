// A policy version: every number and choice of one official notice (HTE 2016, SME 2017, …) as
// data loaded from JSON, so a new notice is a new version file and the rule code stays the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "rules/facts.hpp"
#include "rules/verdict.hpp"

namespace kc::rules {

using domain::Fraction;

// How R&D expenses are collected: the share of commissioned work that counts and the cap on
// "other" expenses, expressed as a share of the collected total.
struct RdCollection {
  Fraction commissioned_share;  // 0.8
  Fraction other_cap_share;     // 0.2 (HTE) or 0.1 (SME / super-deduction basis)
  // HTE: the cap base is categories 1–7 with commissioned work at 80%; SME: the first five.
  bool cap_base_includes_commissioned = true;
  // Derived when the policy is loaded: other ≤ share·(base + other) ⇔ other ≤ factor·base with
  // factor = share / (1 − share), in lowest terms (0.2 → 1/4, 0.1 → 1/9).
  Fraction other_cap_factor;
};

struct RdTier {
  std::optional<Fraction> sales_max;  // inclusive upper bound; none for the last tier
  Fraction min_ratio;
};

struct PointsBand {
  Fraction min;  // inclusive lower bound
  int points = 0;
};

struct CountBand {
  int min = 0;
  int points = 0;
};

// The points an expert may give within a band (policy-rules §1.9: "where a score falls within a
// band's range is the expert's choice").
struct PointRange {
  int min = 0;
  int max = 0;
};
struct HteScorePoints {
  std::vector<std::pair<char, PointRange>> ip_quantity, transfer, growth;  // by band letter
  std::vector<std::pair<std::string, PointRange>> expert;                  // items the data cannot band
};

// A yearly filing the notice requires by a fixed day (the HTE annual development report by the
// end of May, the S&T SME annual update by the end of March).
struct AnnualDeadline {
  std::string what;  // stable code, e.g. "hte_annual_report"
  Bilingual name;
  int month = 12;
  int day = 31;
  Date due_in(int year) const;
};

struct HtePolicy {
  std::string id;
  Date effective_from;
  Bilingual measures, guide;  // the two documents cited in condition details
  AnnualDeadline annual_report;
  int age_min_days = 365;
  int rd_window_years = 3;
  std::vector<RdTier> rd_tiers;
  Fraction rd_domestic_min_share;
  RdCollection rd_collection;
  Fraction st_staff_min_ratio;
  Fraction high_tech_revenue_min_share;
  Fraction main_products_min_share;  // strictly above
  Fraction score_pass_mark;          // strictly above
  Fraction ip_score_cap;
  int incident_window_days = 365;
  std::vector<IncidentKind> incident_kinds;
  std::vector<IpKind> ip_class_one, ip_class_two;
  bool ip_class_two_single_use = true;
  std::vector<int> ip_quantity_class_two_bands;  // minimum counts for bands B, C, D
  std::vector<Fraction> transfer_bands;          // minimum annual averages for A..E
  std::vector<Fraction> growth_bands;            // minimum growth for A..D; E is > 0
  HteScorePoints score_points;
};

struct SmePolicy {
  std::string id;
  Date effective_from;
  Bilingual measures;
  int data_year_offset = 1;
  AnnualDeadline annual_update;
  Fraction max_employees, max_sales, max_total_assets;
  std::vector<PointsBand> st_staff_bands, rd_sales_bands, rd_cost_bands;  // highest first
  int ip_class_one_points = 30;
  std::vector<CountBand> ip_class_two_bands;  // highest first
  Fraction pass_score;
  RdCollection rd_collection;
  std::vector<IncidentKind> incident_kinds;
  int incident_years_back = 1;
  int hte_certificate_valid_years = 3;
  std::vector<std::string> award_levels;
  int award_window_years = 5;
  int award_max_rank = 3;
  std::vector<InstitutionLevel> institution_levels;
  std::vector<InstitutionKind> institution_kinds;
  std::vector<StandardLevel> standard_levels;
  int standard_window_years = 5;
  int standard_max_rank = 5;
  std::vector<IpKind> ip_class_one, ip_class_two;
};

using Policy = std::variant<HtePolicy, SmePolicy>;

// A policy file's text → the policy, or a message naming the offending setting.
struct PolicyLoad {
  std::optional<Policy> policy;
  std::string error;
};
PolicyLoad parse_policy(std::string_view json_text);

// Shipped versions, by exact id ("hte-2016") or by kind ("hte", "sme"): for a kind, the version
// with the latest effective_from on or before `as_of`.
PolicyLoad load_policy(std::string_view id_or_kind, std::optional<Date> as_of = std::nullopt);
std::vector<std::string> policy_ids();

// For evaluating a district's history: the version `load_policy` gives, or — for a kind and a date
// before its first version — that first version, flagged, since the years before the notices
// encoded here would otherwise have no verdicts at all.
struct PolicyChoice {
  PolicyLoad load;
  bool before_first_version = false;
};
PolicyChoice policy_for_history(std::string_view id_or_kind, Date as_of);

const std::string& policy_id(const Policy& p);

}  // namespace kc::rules
