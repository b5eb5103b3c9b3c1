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
  k.enterprise_scope = "id";
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
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
  k.natural_key = {"enterprise_id", "year"};
  k.title_field = "year";
  k.enterprise_scope = "enterprise_id";
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
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
  k.enterprise_scope = "enterprise_id";
  k.read_roles = kReaders;
  k.write_roles = kStaffRoles;
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
  k.read_roles = {"admin", "staff", "reviewer", "viewer"};
  k.write_roles = kStaffRoles;
  return k;
}

}  // namespace

const std::vector<KindDef>& registry_kinds() {
  // Referenced kinds come before the kinds that reference them (table creation order).
  static const std::vector<KindDef> kinds = {enterprises(), enterprise_years(), hte_certificates(),
                                             region_statistics()};
  return kinds;
}

const KindDef* find_kind(std::string_view name) {
  for (const auto& k : registry_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace kc::domain
