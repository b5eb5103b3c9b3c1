// The built-in assessment schemes (spec assessment.md, policy-rules.md §3), as the data a saved
// scheme would be: the national monitoring style over the catalogue's indicators with their
// monitoring standards as targets, a municipal points-based target assessment, and a change on
// the year before with Zhejiang's 一票否优 veto. Weights, targets and points are configuration: an
// administrator saves a scheme of the same code to change them.
#include "app/indicators/assessments.hpp"

namespace kc::app {
namespace {

// Monitoring standards of policy-rules.md §3.1 for the indicators the catalogue computes; equal
// weights, as the source gives none. Invention patents are per 10,000 people here (the
// catalogue's basis), not per 10,000 employed.
constexpr const char* kNationalMonitoring = R"json({
  "code": "national_monitoring",
  "name": {"zh": "全国科技进步统计监测（监测标准）", "en": "National S&T progress monitoring (monitoring standards)"},
  "method": "target_ratio",
  "missing": "zero",
  "nodes": [
    {"code": "input", "parent": null, "weight": 1, "name": {"zh": "科技活动投入", "en": "S&T input"}},
    {"code": "rd_gdp", "parent": "input", "weight": 1, "indicator": "rd_gdp_enterprise", "target": 2.5},
    {"code": "fiscal_st", "parent": "input", "weight": 1, "indicator": "fiscal_st_share", "target": 5},
    {"code": "output", "parent": null, "weight": 1, "name": {"zh": "科技活动产出", "en": "S&T output"}},
    {"code": "invention_patents", "parent": "output", "weight": 1, "indicator": "invention_patents_per_10k", "target": 8},
    {"code": "industrialisation", "parent": null, "weight": 1, "name": {"zh": "高新技术产业化", "en": "High-tech industrialisation"}},
    {"code": "high_tech_va", "parent": "industrialisation", "weight": 1, "indicator": "high_tech_va_share", "target": 30}
  ],
  "grades": [{"grade": "excellent", "min": 90}, {"grade": "good", "min": 75}, {"grade": "pass", "min": 60}, {"grade": "fail", "min": null}]
})json";

// A municipal target assessment in the style of 武进 2010: full points at the target, pro rata
// below it, a bonus for each tenth beyond it, capped; 10 points in all.
constexpr const char* kMunicipalPoints = R"json({
  "code": "municipal_points",
  "name": {"zh": "市对区科技工作目标考核（计分）", "en": "Municipal S&T target assessment (points)"},
  "method": "points",
  "nodes": [
    {"code": "rd_gdp", "parent": null, "indicator": "rd_gdp_enterprise", "target": 2.5, "points": 2.5,
     "bonus": {"per": 0.1, "points": 0.1, "max": 0.5}},
    {"code": "hte_new", "parent": null, "indicator": "hte_new", "target": 15, "points": 2,
     "bonus": {"per": 0.1, "points": 0.1, "max": 0.4}},
    {"code": "invention_applications", "parent": null, "indicator": "patent_applications_invention", "target": 300,
     "points": 2, "bonus": {"per": 0.1, "points": 0.1, "max": 0.4}},
    {"code": "tech_contracts", "parent": null, "indicator": "tech_contract_turnover_outflow", "target": 1500, "points": 1.5},
    {"code": "talents", "parent": null, "indicator": "talents_introduced", "target": 10, "points": 1},
    {"code": "cooperation", "parent": null, "indicator": "cooperation_projects", "target": 30, "points": 1}
  ],
  "grades": [{"grade": "excellent", "min": 9}, {"grade": "good", "min": 7.5}, {"grade": "pass", "min": 6}, {"grade": "fail", "min": null}]
})json";

// Change on the year before (growth transforms): 10 % growth scores 100, capped; and the
// Zhejiang rule that a district whose R&D share and fiscal S&T share both fell is not excellent.
constexpr const char* kChangeOnLastYear = R"json({
  "code": "change_on_last_year",
  "name": {"zh": "科技进步较上年变化评价", "en": "S&T progress: change on the year before"},
  "method": "target_ratio",
  "missing": "zero",
  "nodes": [
    {"code": "rd", "parent": null, "weight": 2, "indicator": "rd_expenditure_enterprise", "transform": "growth", "target": 10},
    {"code": "patents", "parent": null, "weight": 1, "indicator": "patent_grants", "transform": "growth", "target": 10},
    {"code": "hte", "parent": null, "weight": 1, "indicator": "hte_count", "transform": "growth", "target": 10},
    {"code": "contracts", "parent": null, "weight": 1, "indicator": "tech_contract_turnover_outflow", "transform": "growth", "target": 10},
    {"code": "rd_share", "parent": null, "weight": 1, "indicator": "rd_gdp_enterprise", "transform": "change", "target": 0.1},
    {"code": "fiscal_share", "parent": null, "weight": 1, "indicator": "fiscal_st_share", "transform": "change", "target": 0.1}
  ],
  "grades": [{"grade": "excellent", "min": 90}, {"grade": "good", "min": 75}, {"grade": "pass", "min": 60}, {"grade": "fail", "min": null}],
  "vetoes": [{"code": "zj-double-decline", "name": {"zh": "一票否优：研发投入强度与财政科技投入占比双下降", "en": "No excellent grade: R&D share and fiscal S&T share both fell"},
              "all": [{"indicator": "rd_gdp_enterprise", "test": "falls"}, {"indicator": "fiscal_st_share", "test": "falls"}],
              "max_grade": "good"}]
})json";

}  // namespace

const std::vector<BuiltinScheme>& builtin_schemes() {
  static const std::vector<BuiltinScheme> all = {
      {"national_monitoring", kNationalMonitoring},
      {"municipal_points", kMunicipalPoints},
      {"change_on_last_year", kChangeOnLastYear},
  };
  return all;
}

}  // namespace kc::app
