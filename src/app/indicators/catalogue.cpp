// The built-in indicators of the specification (indicators.md §1), each defined by a formula over
// the registry. Where the registry keeps less than the definition asks (a patent's lapse date),
// the basis note says what the formula reads instead.
#include "app/indicators/catalogue.hpp"

namespace kc::app {
namespace {

using M = IndicatorMeasure;

IndicatorDef def(std::string code, std::string zh, std::string en, std::string unit, M measure, std::string formula,
                 std::string basis_zh = "", std::string basis_en = "") {
  IndicatorDef d;
  d.code = std::move(code);
  d.zh = std::move(zh);
  d.en = std::move(en);
  d.unit = std::move(unit);
  d.measure = measure;
  d.formula = std::move(formula);
  d.basis_zh = std::move(basis_zh);
  d.basis_en = std::move(basis_en);
  return d;
}

// The filter of engineering and technology centres, by the levels counted.
std::string centres(const std::string& levels, const std::string& year_condition) {
  return "count(rd_institutions where kind in ('engineering_centre', 'technology_centre') and level in (" + levels +
         ") and " + year_condition + ")";
}

const std::string kAboveSizeIndustrial =
    "above_size = true and starts_with(industry_code, 'C') and (registered_on is null or registered_on <= year_end)";
const std::string kHteInForce =
    "issued_on <= year_end and valid_until > year_end and (revoked_on is null or revoked_on > year_end)";
const std::string kPlanProjectsPending = "计划项目登记上线后由其记录计算；此前为空值。";
const std::string kPlanProjectsPendingEn = "Computed from the plan-project records once they are kept; null until then.";

std::vector<IndicatorDef> make() {
  return {
      def("rd_expenditure_enterprise", "企业研发经费支出", "Enterprise R&D expenditure", "万元", M::amount,
          "sum(enterprise_years.rd_total where year = Y)", "登记口径：本区企业当年研发费用总额之和。",
          "Registry basis: the R&D totals of the region's enterprises for the year."),
      def("rd_gdp_enterprise", "研发经费占GDP比重（企业口径）", "R&D as a share of GDP (enterprise basis)", "%", M::ratio,
          "indicator(rd_expenditure_enterprise) / stat(gdp) * 100", "企业研发经费支出 ÷ 地区生产总值。",
          "Enterprise R&D expenditure over the region's GDP."),
      def("rd_gdp_official", "研发经费占GDP比重（统计口径）", "R&D as a share of GDP (statistics basis)", "%", M::ratio,
          "stat(rd_expenditure) / stat(gdp) * 100", "统计部门口径，不与企业口径混用。",
          "Statistics-bureau basis; not mixed with the enterprise basis."),
      def("rd_centres_municipal_plus", "市级以上工程技术研究中心", "Engineering and technology centres, municipal level and above",
          "家", M::count, centres("'national', 'provincial', 'municipal'", "recognised_year <= Y"), "截至年末已认定。",
          "Recognised by the end of the year."),
      def("rd_centres_new_municipal", "新增市级工程技术研究中心", "New municipal engineering and technology centres", "家",
          M::count, centres("'municipal'", "recognised_year = Y"), "当年认定。", "Recognised in the year."),
      def("rd_centres_district_plus", "区级以上工程技术研究中心", "Engineering and technology centres, district level and above",
          "家", M::count, centres("'national', 'provincial', 'municipal', 'district'", "recognised_year <= Y"),
          "截至年末已认定。", "Recognised by the end of the year."),
      def("above_size_industrial_rd_share", "规上工业企业设立研发机构比例", "Above-size industrial enterprises with an R&D institution",
          "%", M::ratio,
          "count(enterprises where " + kAboveSizeIndustrial +
              " and exists(rd_institutions where enterprise_id = outer.id and recognised_year <= Y))\n  / count(enterprises where " +
              kAboveSizeIndustrial + ") * 100",
          "规上工业企业（门类C）中截至年末设有已认定研发机构者的比例。",
          "Above-size industrial enterprises (section C) with an R&D institution recognised by the end of the year."),
      def("patent_applications", "专利申请量", "Patent applications", "件", M::count, "count(patents where in_year(filed_on))",
          "当年申请，各类专利。", "Filed in the year, all kinds."),
      def("patent_applications_invention", "发明专利申请量", "Invention patent applications", "件", M::count,
          "count(patents where in_year(filed_on) and kind = 'invention')"),
      def("patent_grants", "专利授权量", "Patent grants", "件", M::count, "count(patents where in_year(granted_on))",
          "当年授权，各类专利。", "Granted in the year, all kinds."),
      def("patent_grants_invention", "发明专利授权量", "Invention patent grants", "件", M::count,
          "count(patents where in_year(granted_on) and kind = 'invention')"),
      def("invention_patents_valid", "有效发明专利", "Valid invention patents", "件", M::count,
          "count(patents where kind = 'invention' and granted_on <= year_end and status = 'valid')",
          "截至年末已授权且有效。登记只记当前法律状态，不记失效日期，故已失效者按失效计。",
          "Granted by the end of the year and valid. The registry keeps a patent's current status, not the date "
          "it lapsed, so a patent that has lapsed since counts as lapsed."),
      def("invention_patents_per_10k", "每万人发明专利拥有量", "Invention patents per 10,000 people", "件/万人", M::ratio,
          "indicator(invention_patents_valid) / stat(resident_population) * 10000",
          "人口口径默认为常住人口；改用户籍人口时将公式中的 resident_population 换为 registered_population。",
          "Resident population by default; for the registered basis, use registered_population in the formula."),
      def("hte_count", "高新技术企业数", "High-tech enterprises", "家", M::count,
          "count_distinct(hte_certificates.enterprise_id where " + kHteInForce + ")",
          "12月31日持有有效证书（已发证、有效期至其后、未撤销）的企业。",
          "Enterprises holding a certificate in force on 31 December (issued, valid after it, not revoked)."),
      def("hte_new", "新认定高新技术企业", "Newly recognised high-tech enterprises", "家", M::count,
          "count_distinct(hte_certificates.enterprise_id where in_year(issued_on) and not exists(\n"
          "  hte_certificates where enterprise_id = outer.enterprise_id and id <> outer.id and issued_on < outer.issued_on\n"
          "  and valid_until >= outer.issued_on and (revoked_on is null or revoked_on >= outer.issued_on)))",
          "当年发证且发证前一日未持有有效证书的企业。",
          "Enterprises whose certificate was issued in the year and that held none in force the day before it."),
      def("sme_count", "科技型中小企业入库数", "S&T SME registrations", "家", M::count, "count(sme_registrations where year = Y)"),
      def("tech_contract_turnover_outflow", "技术市场交易额（输出）", "Technology-market turnover (outflow)", "万元", M::amount,
          "sum(tech_contracts.value where in_year(signed_on) and in_region(seller_region))",
          "卖方在本区的技术合同当年成交额。", "Contracts signed in the year whose seller is in the region."),
      def("tech_contract_turnover_inflow", "引进技术成果交易额", "Technology brought in (inflow)", "万元", M::amount,
          "sum(tech_contracts.value where in_year(signed_on) and in_region(buyer_region) and not in_region(seller_region))",
          "买方在本区、卖方在区外的技术合同当年成交额。",
          "Contracts signed in the year whose buyer is in the region and seller outside it."),
      def("cooperation_projects", "产学研合作项目", "Industry–research cooperation projects", "项", M::count,
          "count(cooperation_agreements where kind = 'cooperation' and in_year(signed_on))"),
      def("cooperation_projects_international", "国际科技合作项目", "International cooperation projects", "项", M::count,
          "count(cooperation_agreements where kind = 'cooperation' and international = true and in_year(signed_on))"),
      def("seed_fund_projects", "种子基金项目", "Seed-fund projects", "项", M::count,
          "count(cooperation_agreements where kind = 'seed_fund' and in_year(signed_on))"),
      def("talents_introduced", "引进人才（团队）", "Talents and teams introduced", "人/个", M::count,
          "count(talents where year = Y)", "当年引进的个人与团队，各级人才计划。",
          "Individuals and teams of the year, every programme level."),
      def("fiscal_st_share", "财政科技支出占比", "Fiscal S&T expenditure share", "%", M::ratio,
          "stat(fiscal_st_expenditure) / stat(fiscal_expenditure) * 100"),
      def("high_tech_va_share", "高新技术产业增加值占比", "High-tech industry share of value added", "%", M::ratio,
          "stat(high_tech_value_added) / stat(industrial_value_added) * 100", "浙江口径。", "Zhejiang basis."),
      def("st_loans", "科技贷款发放额", "S&T loans granted", "万元", M::amount, "sum(loans.amount where in_year(granted_on))"),
      def("st_loan_interest_subsidy", "科技贷款贴息", "Interest subsidies of S&T loans", "万元", M::amount,
          "sum(loans.interest_subsidy where in_year(granted_on))"),
      def("incubator_tenants", "在孵企业", "Incubator tenants", "家", M::count, "sum(incubator_years.tenants where year = Y)"),
      def("incubator_graduates", "孵化器毕业企业", "Incubator graduates", "家", M::count,
          "sum(incubator_years.graduates where year = Y)"),
      def("plan_projects_applied", "申报科技计划项目", "Plan-project applications", "项", M::count, "null",
          kPlanProjectsPending, kPlanProjectsPendingEn),
      def("plan_projects_approved", "获批科技计划项目", "Plan projects approved", "项", M::count, "null",
          kPlanProjectsPending, kPlanProjectsPendingEn),
      def("plan_projects_approved_national", "获批国家级科技计划项目", "National plan projects approved", "项", M::count,
          "null", kPlanProjectsPending, kPlanProjectsPendingEn),
      def("fiscal_st_funds_municipal_plus", "争取市级以上科技经费", "S&T funds from municipal level and above", "万元",
          M::amount, "null", kPlanProjectsPending, kPlanProjectsPendingEn),
  };
}

}  // namespace

const std::vector<IndicatorDef>& builtin_indicators() {
  static const std::vector<IndicatorDef> all = make();
  return all;
}

const IndicatorDef* find_builtin_indicator(const std::string& code) {
  for (const auto& d : builtin_indicators()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

}  // namespace kc::app
