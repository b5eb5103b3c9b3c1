#include "domain/registry_kinds.hpp"

#include "domain/tech_field.hpp"

namespace kc::domain {
namespace {

FieldDef def(std::string name, FieldType type, std::string zh, std::string en) {
  FieldDef f;
  f.name = std::move(name);
  f.type = type;
  f.zh = std::move(zh);
  f.en = std::move(en);
  return f;
}

KindDef kind(std::string name, std::string table, std::string zh, std::string en) {
  KindDef k;
  k.name = std::move(name);
  k.table = std::move(table);
  k.zh = std::move(zh);
  k.en = std::move(en);
  return k;
}

const std::vector<std::string> kStaffRoles = {"admin", "staff"};
const std::vector<std::string> kReaders = {"admin", "staff", "reviewer", "viewer", "enterprise"};

FieldDef text(std::string name, std::string zh, std::string en, std::size_t max_length = 200) {
  FieldDef f = def(std::move(name), FieldType::text, std::move(zh), std::move(en));
  f.max_length = max_length;
  return f;
}

// An amount in 万元 that may not be negative.
FieldDef amount(std::string name, std::string zh, std::string en) {
  FieldDef f = def(std::move(name), FieldType::amount, std::move(zh), std::move(en));
  f.unit = "万元";
  f.min = 0;
  return f;
}

FieldDef count(std::string name, std::string zh, std::string en, std::string unit = "人") {
  FieldDef f = def(std::move(name), FieldType::integer, std::move(zh), std::move(en));
  f.unit = std::move(unit);
  f.min = 0;
  f.max = 100'000'000;
  return f;
}

FieldDef year_field() {
  FieldDef f = def("year", FieldType::integer, "年度", "Year");
  f.calendar_year = true;
  f.required = true;
  f.filterable = true;
  f.min = 1949;
  f.max = 2100;
  return f;
}

FieldDef enterprise_ref() {
  FieldDef f = def("enterprise_id", FieldType::reference, "企业", "Enterprise");
  f.required = true;
  f.filterable = true;
  f.references = "enterprises";
  return f;
}

FieldDef required(FieldDef f) {
  f.required = true;
  return f;
}
FieldDef searchable(FieldDef f) {
  f.searchable = true;
  return f;
}
FieldDef filterable(FieldDef f) {
  f.filterable = true;
  return f;
}

// A reference to an enterprise that a record may have (a patent owned by a university, a talent
// hosted by an institute).
FieldDef optional_enterprise_ref() {
  FieldDef f = enterprise_ref();
  f.required = false;
  return f;
}

FieldDef reference(std::string name, std::string target, std::string zh, std::string en) {
  FieldDef f = def(std::move(name), FieldType::reference, std::move(zh), std::move(en));
  f.references = std::move(target);
  f.filterable = true;
  return f;
}

FieldDef choice(std::string name, std::string zh, std::string en, std::vector<Choice> choices) {
  FieldDef f = def(std::move(name), FieldType::choice, std::move(zh), std::move(en));
  f.choices = std::move(choices);
  f.filterable = true;
  return f;
}

FieldDef date(std::string name, std::string zh, std::string en) {
  return def(std::move(name), FieldType::date, std::move(zh), std::move(en));
}

FieldDef flag(std::string name, std::string zh, std::string en) {
  return filterable(def(std::move(name), FieldType::boolean, std::move(zh), std::move(en)));
}

// A year other than the record's own (recognised in, used for a recognition in).
FieldDef year_value(std::string name, std::string zh, std::string en) {
  FieldDef f = def(std::move(name), FieldType::integer, std::move(zh), std::move(en));
  f.calendar_year = true;
  f.min = 1949;
  f.max = 2100;
  return f;
}

// Recognition levels of centres, incubators, talents and workstations.
FieldDef level_choice(bool with_district = true) {
  std::vector<Choice> levels = {{"national", "国家级", "national"},
                                {"provincial", "省级", "provincial"},
                                {"municipal", "市级", "municipal"}};
  if (with_district) levels.push_back({"district", "区级", "district"});
  return required(choice("level", "级别", "Level", std::move(levels)));
}

FieldDef region(std::string name, std::string zh, std::string en) {
  return filterable(def(std::move(name), FieldType::region_code, std::move(zh), std::move(en)));
}

// The district a record of a kind not tied to one enterprise belongs to (所属区县). Not required in
// the declaration, because records stored before districts have none; the use cases fill it from
// the referenced enterprise or from a district user's scope.
FieldDef district_field() { return region("region_code", "所属区县", "District"); }

// Kinds staff maintain and every role may read (enterprise users: their own enterprise's records).
KindDef staff_kind(KindDef k) {
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
  return k;
}

// Kinds that belong to no enterprise: enterprise users may not read them.
KindDef bureau_kind(KindDef k) {
  k.read_roles = {"admin", "staff", "reviewer", "viewer"};
  k.write_roles = kStaffRoles;
  return k;
}

FieldDef tech_field_choice() {
  FieldDef f = def("tech_field", FieldType::choice, "技术领域", "Technology field");
  f.filterable = true;
  for (TechField t : kAllTechFields) {
    f.choices.push_back({std::to_string(tech_field_code(t)), std::string(tech_field_name_zh(t)),
                         std::string(tech_field_name_en(t))});
  }
  return f;
}

KindDef enterprises() {
  KindDef k = kind("enterprises", "reg_enterprises", "企业", "Enterprises");
  k.fields = {
      searchable(filterable(required(def("credit_code", FieldType::credit_code, "统一社会信用代码", "Unified social credit code")))),
      searchable(required(text("name", "企业名称", "Name"))),
      searchable(text("former_names", "曾用名", "Former names", 500)),
      filterable(def("region_code", FieldType::region_code, "行政区划代码", "Region code (GB/T 2260)")),
      filterable(text("town", "街道/镇", "Street or town", 100)),
      filterable(def("industry_code", FieldType::industry_code, "国民经济行业代码", "Industry (GB/T 4754-2017)")),
      def("registered_on", FieldType::date, "注册日期", "Registered on"),
      amount("registered_capital", "注册资本", "Registered capital"),
      text("address", "地址", "Address", 300),
      text("contact_person", "联系人", "Contact person", 100),
      text("contact_phone", "联系电话", "Contact phone", 50),
      filterable(def("above_size", FieldType::boolean, "规上企业", "Above designated size")),
      tech_field_choice(),
      searchable(text("tags", "标签", "Tags", 300)),
  };
  k.natural_key = {"credit_code"};
  k.title_field = "name";
  k.region_scope = "region_code";
  k.enterprise_scope = "id";
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
  k.submit_roles = {"enterprise"};
  return k;
}

KindDef enterprise_years() {
  KindDef k = kind("enterprise_years", "reg_enterprise_years", "企业年度数据", "Enterprise years");
  k.fields = {
      enterprise_ref(),
      year_field(),
      amount("sales_revenue", "销售收入", "Sales revenue"),
      amount("gross_income", "收入总额", "Gross income"),
      amount("non_taxable_income", "不征税收入", "Non-taxable income"),
      amount("high_tech_revenue", "高新技术产品（服务）收入", "High-tech revenue"),
      amount("ip_backed_revenue", "自有知识产权支撑的高新收入", "IP-backed high-tech revenue"),
      amount("rd_personnel", "研发人员人工费用", "R&D: personnel"),
      amount("rd_direct_inputs", "研发直接投入费用", "R&D: direct inputs"),
      amount("rd_depreciation", "研发折旧费用", "R&D: depreciation"),
      amount("rd_amortisation", "研发无形资产摊销", "R&D: amortisation"),
      amount("rd_design", "新产品设计费等", "R&D: design"),
      amount("rd_trials", "临床试验费等", "R&D: trials"),
      amount("rd_commissioned_domestic", "委托境内研发费用", "R&D: commissioned in China"),
      amount("rd_commissioned_foreign", "委托境外研发费用", "R&D: commissioned abroad"),
      amount("rd_other", "其他研发费用", "R&D: other"),
      amount("rd_total", "研发费用总额", "R&D total"),
      amount("total_cost_expense", "成本费用支出总额", "Total cost and expense"),
      amount("net_assets", "净资产", "Net assets"),
      amount("total_assets", "资产总额", "Total assets"),
      count("employees", "职工总数（年平均）", "Employees (annual average)"),
      count("st_staff", "科技人员数（年平均）", "S&T staff (annual average)"),
      count("transfers", "科技成果转化数", "Technology transfers", "项"),
      amount("industrial_output", "工业总产值", "Industrial output"),
      amount("value_added", "工业增加值", "Value added"),
      amount("exports", "出口交货值", "Exports"),
  };
  k.sums = {{"rd_total",
             {"rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation", "rd_design",
              "rd_trials", "rd_commissioned_domestic", "rd_commissioned_foreign", "rd_other"}}};
  k.natural_key = {"enterprise_id", "year"};
  k.title_field = "year";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
  k.submit_roles = {"enterprise"};
  return k;
}

KindDef hte_certificates() {
  KindDef k = kind("hte_certificates", "reg_hte_certificates", "高新技术企业证书", "HTE certificates");
  FieldDef status = def("status", FieldType::choice, "状态", "Status");
  status.required = true;
  status.filterable = true;
  status.choices = {{"valid", "有效", "valid"}, {"expired", "已过期", "expired"}, {"revoked", "已撤销", "revoked"}};
  k.fields = {
      enterprise_ref(),
      searchable(required(text("certificate_no", "证书编号", "Certificate number", 50))),
      required(def("issued_on", FieldType::date, "发证日期", "Issued on")),
      def("valid_until", FieldType::date, "有效期至", "Valid until"),
      status,
      def("revoked_on", FieldType::date, "撤销日期", "Revoked on"),
  };
  k.natural_key = {"certificate_no"};
  k.title_field = "certificate_no";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
  return k;
}

// A panel has at least 5 experts (policy-rules §1.9).
FieldDef panel_size() {
  FieldDef f = count("experts", "评审专家人数", "Experts on the panel");
  f.min = 5;
  f.max = 99;
  return f;
}

// A points score of the HTE expert review with its maximum (policy-rules §1.9): the panel's
// average, so decimals are allowed.
FieldDef score(std::string name, std::string zh, std::string en, std::int64_t max) {
  FieldDef f = def(std::move(name), FieldType::decimal, std::move(zh), std::move(en));
  f.unit = "分";
  f.min = 0;
  f.max = max;
  return f;
}

// The expert panel's average scores of an HTE recognition (policy-rules §1.9). The rules engine
// takes the latest review on or before the application date to complete the score condition (E7).
KindDef hte_expert_reviews() {
  KindDef k = kind("hte_expert_reviews", "reg_hte_expert_reviews", "高企认定专家评分", "HTE expert reviews");
  k.fields = {
      enterprise_ref(),
      filterable(required(date("reviewed_on", "评审日期", "Reviewed on"))),
      required(score("ip_advancement", "知识产权·技术的先进程度", "IP: technical advancement", 8)),
      required(score("ip_core_support", "知识产权·对主要产品的核心支持作用", "IP: core support to main products", 8)),
      required(score("ip_quantity", "知识产权·数量", "IP: quantity", 8)),
      required(score("ip_acquisition", "知识产权·获得方式", "IP: how acquired", 6)),
      score("ip_standards_bonus", "知识产权·参与标准制定（加分）", "IP: standards drafted (bonus)", 2),
      required(score("transfer", "科技成果转化能力", "Technology transfer", 30)),
      required(score("rd_management", "研究开发组织管理水平", "R&D organisation and management", 20)),
      required(score("growth_net_assets", "企业成长性·净资产增长", "Growth: net assets", 10)),
      required(score("growth_sales", "企业成长性·销售收入增长", "Growth: sales", 10)),
      panel_size(),
      text("note", "备注", "Note", 1000),
  };
  k.natural_key = {"enterprise_id", "reviewed_on"};
  k.title_field = "reviewed_on";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  // Reviewers enter the panel's scores; enterprises do not see them.
  k.read_roles = {"admin", "staff", "reviewer", "viewer"};
  k.write_roles = {"admin", "staff", "reviewer"};
  return k;
}

KindDef region_statistics() {
  KindDef k = kind("region_statistics", "reg_region_statistics", "地区统计", "Region statistics");
  k.fields = {
      filterable(required(def("region_code", FieldType::region_code, "行政区划代码", "Region code"))),
      searchable(required(text("region_name", "地区名称", "Region name", 100))),
      year_field(),
      amount("gdp", "地区生产总值", "GDP"),
      count("resident_population", "常住人口", "Resident population"),
      count("registered_population", "户籍人口", "Registered population"),
      amount("fiscal_expenditure", "一般公共预算支出", "Fiscal expenditure"),
      amount("fiscal_st_expenditure", "财政科技支出", "Fiscal S&T expenditure"),
      amount("rd_expenditure", "R&D经费支出", "R&D expenditure"),
      amount("industrial_value_added", "工业增加值", "Industrial value added"),
      amount("high_tech_value_added", "高新技术产业增加值", "High-tech industry value added"),
  };
  k.natural_key = {"region_code", "year"};
  k.title_field = "region_name";
  k.region_scope = "region_code";
  k.read_roles = {"admin", "staff", "reviewer", "viewer"};
  k.write_roles = kStaffRoles;
  return k;
}

KindDef sme_registrations() {
  KindDef k = kind("sme_registrations", "reg_sme_registrations", "科技型中小企业入库登记",
                   "S&T SME registrations");
  k.fields = {
      enterprise_ref(),
      searchable(required(text("registration_no", "入库登记编号", "Registration number", 50))),
      year_field(),
  };
  k.natural_key = {"registration_no"};
  k.title_field = "registration_no";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef programme_tiers() {
  KindDef k = kind("programme_tiers", "reg_programme_tiers", "梯队培育工程", "Programme tiers");
  k.fields = {
      enterprise_ref(),
      required(choice("programme", "培育工程", "Programme",
                      {{"p236", "“236”工程", "\"236\" programme"},
                       {"p100", "高新企业“100”工程", "\"100\" HTE cultivation pool"},
                       {"project_cultivation", "科技项目培育工程", "Project cultivation"}})),
      required(choice("tier", "梯队", "Tier",
                      {{"tier1", "第一梯队（领航企业）", "first tier (navigator)"},
                       {"tier2", "第二梯队（骨干企业）", "second tier (backbone)"},
                       {"tier3", "第三梯队（成长企业）", "third tier (growth)"},
                       {"pool", "培育库", "cultivation pool"}})),
      filterable(required(date("entered_on", "入选日期", "Entered on"))),
      date("exited_on", "退出日期", "Exited on"),
  };
  k.natural_key = {"enterprise_id", "programme", "entered_on"};
  k.title_field = "programme";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef patents() {
  KindDef k = kind("patents", "reg_patents", "专利", "Patents");
  k.fields = {
      searchable(required(def("application_no", FieldType::patent_number, "申请号", "Application number"))),
      searchable(text("title", "专利名称", "Title", 300)),
      required(choice("kind", "专利类型", "Patent kind",
                      {{"invention", "发明", "invention"},
                       {"utility_model", "实用新型", "utility model"},
                       {"design", "外观设计", "design"}})),
      filterable(required(date("filed_on", "申请日", "Filed on"))),
      filterable(date("granted_on", "授权公告日", "Granted on")),
      required(choice("status", "法律状态", "Status",
                      {{"pending", "审查中", "pending"},
                       {"valid", "有效", "valid"},
                       {"lapsed", "失效", "lapsed"},
                       {"rejected", "驳回/撤回", "rejected or withdrawn"}})),
      optional_enterprise_ref(),
      searchable(text("owner_name", "专利权人（申请人）", "Owner (applicant)", 200)),
      district_field(),
  };
  k.natural_key = {"application_no"};
  k.title_field = "application_no";
  k.region_scope = "region_code";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef ip_items() {
  KindDef k = kind("ip_items", "reg_ip_items", "其他知识产权", "Other IP items");
  k.fields = {
      required(
          choice("kind", "知识产权类别", "IP class",
                 {{"software_copyright", "软件著作权", "software copyright"},
                  {"ic_layout", "集成电路布图设计", "IC layout design"},
                  {"plant_variety", "植物新品种", "plant variety"},
                  {"crop_variety", "国家级农作物品种", "national crop variety"},
                  {"new_drug", "国家新药", "national new drug"},
                  {"tcm_protected", "国家一级中药保护品种", "first-grade protected TCM variety"},
                  {"defence_patent", "国防专利", "defence patent"},
                  {"other", "其他", "other"}})),
      searchable(required(text("number", "登记号/证书号", "Number", 50))),
      searchable(text("title", "名称", "Title", 300)),
      filterable(date("granted_on", "授权（登记）日期", "Granted on")),
      enterprise_ref(),
      // Class II items may serve one HTE application only (policy-rules §1.7).
      year_value("used_in_hte_recognition", "已用于高企认定年度",
                    "Used in HTE recognition (year)"),
  };
  k.natural_key = {"kind", "number"};
  k.title_field = "number";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef rd_institutions() {
  KindDef k = kind("rd_institutions", "reg_rd_institutions", "企业研发机构", "R&D institutions");
  k.fields = {
      searchable(required(text("name", "名称", "Name", 200))),
      required(
          choice("kind", "类型", "Kind",
                 {{"engineering_centre", "企业工程技术研究中心", "enterprise engineering centre"},
                  {"technology_centre", "企业技术中心", "enterprise technology centre"},
                  {"key_lab", "重点实验室", "key laboratory"},
                  {"rd_centre", "企业研究开发中心", "enterprise R&D centre"},
                  {"design_centre", "工业设计中心", "industrial design centre"}})),
      level_choice(),
      filterable(required(year_value("recognised_year", "认定年度", "Recognised in"))),
      enterprise_ref(),
  };
  k.natural_key = {"enterprise_id", "kind", "level"};
  k.title_field = "name";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef platforms() {
  KindDef k = kind("platforms", "reg_platforms", "科技载体平台", "Platforms");
  k.fields = {
      searchable(required(text("name", "名称", "Name", 200))),
      required(choice("kind", "类型", "Kind",
                      {{"research_institute", "研究院", "research institute"},
                       {"industrial_park", "产业园/创业园", "industrial park"},
                       {"tech_transfer_centre", "技术转移中心", "technology-transfer centre"},
                       {"public_service", "公共服务平台", "public service platform"},
                       {"other", "其他", "other"}})),
      date("established_on", "设立日期", "Established on"),
      searchable(text("partner", "合作院校（机构）", "Partner institution", 200)),
      district_field(),
  };
  // Unique in the installation: references name a platform or incubator by it, and their names
  // carry their district's ("北仑区科技创业园").
  k.natural_key = {"name"};
  k.title_field = "name";
  k.region_scope = "region_code";
  return bureau_kind(k);
}

KindDef platform_years() {
  KindDef k = kind("platform_years", "reg_platform_years", "载体平台年度情况", "Platform years");
  k.fields = {
      required(reference("platform_id", "platforms", "载体平台", "Platform")),
      year_field(),
      count("resident_enterprises", "入驻企业数", "Resident enterprises", "家"),
      amount("resident_capital", "入驻企业注册资本", "Registered capital of residents"),
      count("seed_fund_projects", "种子基金项目数", "Seed-fund projects", "项"),
      count("cooperation_projects", "合作项目数", "Cooperation projects", "项"),
      count("cooperating_enterprises", "合作企业数", "Cooperating enterprises", "家"),
      amount("deal_value", "成交额", "Deal value"),
      choice("assessment", "考核结果", "Assessment",
             {{"excellent", "优秀", "excellent"},
              {"good", "良好", "good"},
              {"pass", "合格", "pass"},
              {"fail", "不合格", "fail"}}),
  };
  k.natural_key = {"platform_id", "year"};
  k.title_field = "year";
  k.region_scope = "platform_id";
  return bureau_kind(k);
}

// Which enterprises a park or institute hosts, and since when.
KindDef platform_residents() {
  KindDef k =
      kind("platform_residents", "reg_platform_residents", "平台入驻企业", "Platform residents");
  k.fields = {
      required(reference("platform_id", "platforms", "载体平台", "Platform")),
      enterprise_ref(),
      filterable(required(date("entered_on", "入驻日期", "Entered on"))),
      date("left_on", "迁出日期", "Left on"),
  };
  k.natural_key = {"platform_id", "enterprise_id"};
  k.title_field = "entered_on";
  k.region_scope = "platform_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef incubators() {
  KindDef k = kind("incubators", "reg_incubators", "孵化器与众创空间", "Incubators");
  k.fields = {
      searchable(required(text("name", "名称", "Name", 200))),
      required(choice("kind", "类型", "Kind",
                      {{"incubator", "科技企业孵化器", "incubator"},
                       {"maker_space", "众创空间", "maker space"}})),
      level_choice(),
      count("area", "场地面积", "Area", "平方米"),
      date("opened_on", "启用日期", "Opened on"),
      district_field(),
  };
  // Unique in the installation: references name a platform or incubator by it, and their names
  // carry their district's ("北仑区科技创业园").
  k.natural_key = {"name"};
  k.title_field = "name";
  k.region_scope = "region_code";
  return bureau_kind(k);
}

KindDef incubator_years() {
  KindDef k = kind("incubator_years", "reg_incubator_years", "孵化器年度情况", "Incubator years");
  k.fields = {
      required(reference("incubator_id", "incubators", "孵化器", "Incubator")),
      year_field(),
      count("tenants", "在孵企业数", "Tenants", "家"),
      count("new_tenants", "当年新增在孵企业", "New tenants", "家"),
      count("graduates", "当年毕业企业", "Graduates", "家"),
      count("tenant_employees", "在孵企业从业人员", "Tenant employees"),
      amount("tenant_revenue", "在孵企业总收入", "Tenant revenue"),
      amount("investment_raised", "在孵企业获投融资", "Investment raised"),
  };
  k.natural_key = {"incubator_id", "year"};
  k.title_field = "year";
  k.region_scope = "incubator_id";
  return bureau_kind(k);
}

KindDef talents() {
  KindDef k = kind("talents", "reg_talents", "引进人才", "Talents");
  k.fields = {
      searchable(required(text("person_name", "姓名（团队带头人）", "Person (team leader)", 100))),
      searchable(required(text("programme", "人才计划", "Programme", 100))),
      level_choice(false),
      required(choice("form", "形式", "Form",
                      {{"individual", "个人", "individual"}, {"team", "团队", "team"}})),
      year_field(),
      optional_enterprise_ref(),
      district_field(),
  };
  k.natural_key = {"person_name", "programme", "year"};
  k.title_field = "person_name";
  k.region_scope = "region_code";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef cooperation_agreements() {
  KindDef k = kind("cooperation_agreements", "reg_cooperation_agreements", "科技合作项目",
                   "Cooperation agreements");
  k.fields = {
      searchable(required(text("agreement_no", "项目编号", "Agreement number", 50))),
      searchable(text("title", "项目名称", "Title", 300)),
      required(choice("kind", "类型", "Kind",
                      {{"cooperation", "产学研合作", "industry–research cooperation"},
                       {"seed_fund", "种子基金项目", "seed-fund project"}})),
      searchable(required(text("partner", "合作方", "Partner", 200))),
      filterable(text("partner_country", "合作方国家（地区）", "Partner country", 50)),
      flag("international", "国际合作", "International"),
      filterable(required(date("signed_on", "签约日期", "Signed on"))),
      amount("value", "合同金额", "Value"),
      optional_enterprise_ref(),
      reference("platform_id", "platforms", "依托平台", "Through platform"),
      district_field(),
  };
  k.natural_key = {"agreement_no"};
  k.title_field = "agreement_no";
  k.region_scope = "region_code";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef tech_contracts() {
  KindDef k = kind("tech_contracts", "reg_tech_contracts", "技术合同", "Technology contracts");
  k.fields = {
      searchable(required(text("registration_no", "登记号", "Registration number", 50))),
      searchable(text("title", "合同名称", "Title", 300)),
      required(choice("type", "合同类型", "Type",
                      {{"development", "技术开发", "development"},
                       {"transfer", "技术转让", "transfer"},
                       {"consulting", "技术咨询", "consulting"},
                       {"service", "技术服务", "service"},
                       {"licence", "技术许可", "licence"}})),
      filterable(required(date("signed_on", "签订日期", "Signed on"))),
      amount("value", "合同成交额", "Contract value"),
      amount("technical_income", "技术交易额", "Technical income"),
      required(region("seller_region", "卖方所在地区", "Seller region")),
      required(region("buyer_region", "买方所在地区", "Buyer region")),
      optional_enterprise_ref(),
      reference("platform_id", "platforms", "中介平台", "Brokered by platform"),
      district_field(),
  };
  k.natural_key = {"registration_no"};
  k.title_field = "registration_no";
  k.region_scope = "region_code";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef loans() {
  KindDef k = kind("loans", "reg_loans", "科技金融贷款", "S&T-finance loans");
  FieldDef rate = def("rate_bp", FieldType::integer, "年利率", "Annual rate");
  rate.unit = "基点";
  rate.min = 0;
  rate.max = 10'000;
  FieldDef term = count("term_months", "期限", "Term", "月");
  term.max = 600;
  k.fields = {
      searchable(required(text("contract_no", "借款合同编号", "Loan contract number", 50))),
      searchable(required(text("bank", "贷款银行", "Bank", 100))),
      enterprise_ref(),
      required(amount("amount", "贷款金额", "Amount")),
      rate,
      term,
      amount("interest_subsidy", "贴息金额", "Interest subsidy"),
      amount("risk_pool_compensation", "风险池补偿", "Risk-pool compensation"),
      required(choice("status", "状态", "Status",
                      {{"current", "在贷", "current"},
                       {"repaid", "已还清", "repaid"},
                       {"default", "违约", "default"}})),
      filterable(required(date("granted_on", "放款日期", "Granted on"))),
  };
  k.natural_key = {"contract_no"};
  k.title_field = "contract_no";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef academician_workstations() {
  KindDef k = kind("academician_workstations", "reg_academician_workstations", "院士工作站",
                   "Academician workstations");
  k.fields = {
      enterprise_ref(),
      searchable(required(text("academician", "进站院士", "Academician", 100))),
      searchable(text("academy", "所属院（校）", "Academy or university", 200)),
      level_choice(false),
      filterable(required(date("established_on", "建站日期", "Established on"))),
      count("projects", "合作项目数", "Joint projects", "项"),
  };
  k.natural_key = {"enterprise_id", "academician"};
  k.title_field = "academician";
  k.region_scope = "enterprise_id";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef haizhi_services() {
  KindDef k =
      kind("haizhi_services", "reg_haizhi_services", "海智服务", "Overseas-expert services");
  k.fields = {
      searchable(required(text("service_no", "服务编号", "Service number", 50))),
      searchable(required(text("expert_name", "海外专家", "Overseas expert", 100))),
      filterable(text("expert_country", "专家所在国家（地区）", "Expert's country", 50)),
      searchable(text("topic", "服务内容", "Topic", 300)),
      filterable(required(date("served_on", "服务日期", "Served on"))),
      optional_enterprise_ref(),
      district_field(),
  };
  k.natural_key = {"service_no"};
  k.title_field = "expert_name";
  k.region_scope = "region_code";
  k.enterprise_scope = "enterprise_id";
  return staff_kind(k);
}

KindDef competitions() {
  KindDef k = kind("competitions", "reg_competitions", "创新设计大赛", "Competitions");
  FieldDef edition = count("edition", "届次", "Edition", "届");
  edition.required = true;
  k.fields = {
      edition,
      year_field(),
      searchable(required(text("title", "名称", "Title", 200))),
      count("entries", "参赛作品", "Entries", "件"),
      count("international_entries", "境外参赛作品", "International entries", "件"),
      count("awards", "获奖作品", "Awards", "件"),
      district_field(),
  };
  k.natural_key = {"region_code", "edition"};  // each district counts its own editions
  k.title_field = "title";
  k.region_scope = "region_code";
  return bureau_kind(k);
}

KindDef policies() {
  KindDef k = kind("policies", "reg_policies", "政策文件", "Policies");
  k.fields = {
      searchable(required(text("document_no", "文号", "Document number", 100))),
      searchable(required(text("title", "标题", "Title", 300))),
      filterable(required(date("issued_on", "发布日期", "Issued on"))),
      date("valid_until", "有效期至", "Valid until"),
      searchable(text("body", "正文", "Text", 200'000)),
      district_field(),
  };
  k.natural_key = {"document_no"};
  k.title_field = "title";
  k.region_scope = "region_code";
  return bureau_kind(k);
}

}  // namespace

const std::vector<KindDef>& registry_kinds() {
  // Referenced kinds come before the kinds that reference them (table creation order).
  static const std::vector<KindDef> kinds = {
      enterprises(),
      enterprise_years(),
      hte_certificates(),
      region_statistics(),
      sme_registrations(),
      hte_expert_reviews(),
      programme_tiers(),
      patents(),
      ip_items(),
      rd_institutions(),
      platforms(),
      platform_years(),
      platform_residents(),
      incubators(),
      incubator_years(),
      talents(),
      cooperation_agreements(),
      tech_contracts(),
      loans(),
      academician_workstations(),
      haizhi_services(),
      competitions(),
      policies(),
  };
  return kinds;
}

const KindDef* find_kind(std::string_view name) {
  for (const auto& k : registry_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace kc::domain
