#include "http/indicator_json.hpp"

#include "app/indicators/evaluate.hpp"
#include "app/indicators/store_source.hpp"
#include "domain/field_messages.hpp"
#include "http/json_body.hpp"
#include "json/json_text.hpp"

namespace kc::http {
namespace {

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
                        {"direction", d.direction}, {"measure", app::measure_text(d.measure)},
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

boost::json::object target_progress_json(const app::TargetProgress& p) {
  const auto& t = p.target;
  return {{"id", t.id},
          {"code", t.code},
          {"region_code", t.region_code},
          {"year", t.year},
          {"kind", app::to_string(t.kind)},
          {"target", number(t.target)},
          {"base_year", t.base_year ? boost::json::value(*t.base_year) : boost::json::value(nullptr)},
          {"note", t.note},
          {"updated_by", t.updated_by},
          {"updated_at", t.updated_at},
          {"as_of", p.as_of ? boost::json::value(*p.as_of) : boost::json::value(nullptr)},
          {"target_value", number(p.target_value)},
          {"base_value", number(p.base_value)},
          {"current_value", number(p.current_value)},
          {"projected_value", number(p.projected_value)},
          {"progress", number(p.progress)},
          {"status", app::to_string(p.status)}};
}

app::Outcome<app::IndicatorTarget> target_from_json(const boost::json::object& body) {
  FieldReader f(body);
  f.allow_only({"code", "region_code", "year", "kind", "target", "base_year", "note"});
  app::IndicatorTarget t;
  t.code = f.required_string("code", 64);
  t.region_code = f.required_string("region_code", 6);
  t.year = static_cast<int>(f.optional_integer("year").value_or(0));
  const std::string kind = f.optional_string("kind", 10).value_or("value");
  if (const auto* v = body.if_contains("target"); v && v->is_number()) {
    t.target = json::to_text(*v);  // a number as written: 2, 2.8
  } else {
    t.target = f.required_string("target", 30);
  }
  if (auto b = f.optional_integer("base_year")) t.base_year = static_cast<int>(*b);
  t.note = f.optional_string("note", 2000).value_or("");
  if (!f.ok()) return f.problem();
  auto k = app::target_kind(kind);
  if (!k) return app::Problem::validation({app::field_error("kind", domain::fmsg::not_choice, {{"allowed", "value, growth, multiple"}})});
  t.kind = *k;
  return t;
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
  else return app::Problem::validation({app::field_error("measure", domain::fmsg::not_choice, {{"allowed", "count, amount, ratio"}})});
  d.builtin = false;
  return d;
}

}  // namespace kc::http
