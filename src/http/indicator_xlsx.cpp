#include "http/indicator_xlsx.hpp"

namespace kc::http {
namespace {

io::XlsxCell number(const std::optional<std::string>& text) {
  if (!text) return std::monostate{};
  return std::stod(*text);
}

io::XlsxCell fraction(const std::optional<domain::Fraction>& f) {
  if (!f) return std::monostate{};
  return std::stod(app::decimal_text(*f, 4));
}

}  // namespace

XlsxSheet indicator_values_sheet(const app::IndicatorValues& v, bool en) {
  XlsxSheet s;
  s.columns = {{en ? "Code" : "代码", 30},      {en ? "Indicator" : "指标", 36}, {en ? "Value" : "数值", 14},
               {en ? "Unit" : "单位", 10},      {en ? "Records" : "记录数", 10}, {en ? "Last change" : "最近更新", 22},
               {en ? "Year" : "年度", 8},        {en ? "Region" : "地区", 10}};
  for (const auto& x : v.values) {
    s.rows.push_back({x.def.code, en ? x.def.en : x.def.zh, number(x.value), x.def.unit, static_cast<double>(x.records),
                      x.updated_at, static_cast<double>(v.year), v.region});
  }
  return s;
}

XlsxSheet indicator_explanation_sheet(const app::IndicatorExplanation& e, bool en) {
  XlsxSheet s;
  s.columns = {{en ? "Group" : "组", 12},          {en ? "Kind" : "类别", 22},     {"ID", 10},
               {en ? "Record" : "记录", 30},       {en ? "District" : "区县", 10}, {en ? "Value" : "数值", 14},
               {en ? "Contributes" : "贡献", 14}, {en ? "Last change" : "最近更新", 22}};
  const auto& p = e.provenance;
  auto add = [&](const char* zh, const char* english, const std::vector<app::Contribution>& records) {
    for (const auto& c : records) {
      s.rows.push_back({std::string(en ? english : zh), c.kind, static_cast<double>(c.id), c.label, c.district,
                        fraction(c.value), fraction(c.contributes), c.updated_at});
    }
  };
  add("记录", "records", p.records);
  add("分子", "numerator", p.numerator);
  add("分母", "denominator", p.denominator);
  return s;
}

}  // namespace kc::http
