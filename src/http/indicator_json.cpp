#include "http/indicator_json.hpp"

#include "app/indicators/evaluate.hpp"
#include "http/json_body.hpp"
#include "json/json_text.hpp"

namespace kc::http {
namespace {

const char* measure_text(app::IndicatorMeasure m) {
  switch (m) {
    case app::IndicatorMeasure::amount: return "amount";
    case app::IndicatorMeasure::ratio: return "ratio";
    case app::IndicatorMeasure::count: break;
  }
  return "count";
}

// An exact decimal text as a JSON number: an integer stays one; a fraction becomes the double
// whose shortest spelling is that text (at most 4 decimals and 15 digits, so it round-trips).
boost::json::value number(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  if (text->find('.') == std::string::npos) return std::stoll(*text);
  return std::stod(*text);
}

boost::json::value fraction(const std::optional<domain::Fraction>& f) {
  if (!f) return nullptr;
  return number(app::decimal_text(*f, 4));
}

boost::json::object value_json(const app::IndicatorValue& v) {
  boost::json::object o{{"code", v.def.code}, {"value", number(v.value)}, {"unit", v.def.unit}, {"records", v.records}};
  o["updated_at"] = v.updated_at.empty() ? boost::json::value(nullptr) : boost::json::value(v.updated_at);
  return o;
}

boost::json::array records_json(const std::vector<app::Contribution>& records) {
  boost::json::array out;
  for (const auto& c : records) {
    boost::json::object o{{"kind", c.kind}, {"id", c.id}, {"label", c.label}, {"district", c.district},
                          {"value", fraction(c.value)}, {"updated_at", c.updated_at}};
    if (c.contributes) o["contributes"] = fraction(c.contributes);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

boost::json::object indicator_def_json(const app::IndicatorDef& d) {
  boost::json::object o{{"code", d.code},          {"zh", d.zh},
                        {"en", d.en},              {"unit", d.unit},
                        {"direction", d.direction}, {"measure", measure_text(d.measure)},
                        {"formula", d.formula},    {"basis_zh", d.basis_zh},
                        {"basis_en", d.basis_en},  {"builtin", d.builtin}};
  o["updated_at"] = d.updated_at ? boost::json::value(*d.updated_at) : boost::json::value(nullptr);
  o["updated_by"] = d.updated_by ? boost::json::value(*d.updated_by) : boost::json::value(nullptr);
  return o;
}

std::string indicator_catalogue_text(const std::vector<app::IndicatorDef>& catalogue) {
  boost::json::array items;
  for (const auto& d : catalogue) items.push_back(indicator_def_json(d));
  return json::to_text(boost::json::object{{"items", std::move(items)}});
}

std::string indicator_values_text(const app::IndicatorValues& v) {
  boost::json::array values;
  for (const auto& x : v.values) values.push_back(value_json(x));
  return json::to_text(boost::json::object{{"year", v.year}, {"region", v.region}, {"values", std::move(values)}});
}

std::string indicator_series_text(const app::IndicatorSeriesSet& s) {
  boost::json::array series;
  for (const auto& x : s.series) {
    boost::json::array points;
    for (const auto& p : x.points) {
      points.push_back({{"year", p.year}, {"value", number(p.value)}, {"change", number(p.change)}, {"growth", number(p.growth)}});
    }
    series.push_back({{"code", x.def.code}, {"unit", x.def.unit}, {"points", std::move(points)}});
  }
  return json::to_text(boost::json::object{{"region", s.region}, {"from", s.from}, {"to", s.to}, {"series", std::move(series)}});
}

std::string indicator_explanation_text(const app::IndicatorExplanation& e) {
  boost::json::object o{{"code", e.value.def.code}, {"year", e.year},         {"region", e.region},
                        {"value", number(e.value.value)}, {"unit", e.value.def.unit}, {"formula", e.value.def.formula},
                        {"truncated", e.provenance.truncated}};
  if (e.provenance.ratio) {
    o["numerator"] = records_json(e.provenance.numerator);
    o["denominator"] = records_json(e.provenance.denominator);
    if (!e.provenance.records.empty()) o["records"] = records_json(e.provenance.records);
  } else {
    o["records"] = records_json(e.provenance.records);
  }
  return json::to_text(o);
}

app::Outcome<app::IndicatorDef> indicator_def_from_json(const std::string& code, const boost::json::object& body) {
  FieldReader f(body);
  f.allow_only({"zh", "en", "unit", "direction", "measure", "formula", "basis_zh", "basis_en"});
  app::IndicatorDef d;
  d.code = code;
  d.zh = f.required_string("zh", 200);
  d.en = f.required_string("en", 200);
  d.unit = f.optional_string("unit", 20).value_or("");
  d.direction = static_cast<int>(f.optional_integer("direction").value_or(1));
  const std::string measure = f.optional_string("measure", 10).value_or("count");
  d.formula = f.required_string("formula", 8000);
  d.basis_zh = f.optional_string("basis_zh", 2000).value_or("");
  d.basis_en = f.optional_string("basis_en", 2000).value_or("");
  if (!f.ok()) return f.problem();
  if (measure == "amount") d.measure = app::IndicatorMeasure::amount;
  else if (measure == "ratio") d.measure = app::IndicatorMeasure::ratio;
  else if (measure == "count") d.measure = app::IndicatorMeasure::count;
  else return app::Problem::validation({{"measure", "应为 count、amount 或 ratio / must be count, amount or ratio"}});
  d.builtin = false;
  return d;
}

}  // namespace kc::http
