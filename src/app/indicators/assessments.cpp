#include "app/indicators/assessments.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "app/indicators/indicator_service.hpp"
#include "app/indicators/store_source.hpp"
#include "app/messages.hpp"
#include "app/transaction.hpp"
#include "assess/assess.hpp"
#include "domain/field_messages.hpp"
#include "domain/region_code.hpp"
#include "json/json_text.hpp"
#include "store/indicator_definition_repository.hpp"
#include "store/indicator_queries.hpp"

namespace kc::app {
namespace {

namespace bj = boost::json;

std::optional<bj::object> scheme_named(const std::string& code) {
  for (const auto& s : builtin_schemes()) {
    if (s.code == code) return bj::parse(s.json).as_object();
  }
  return std::nullopt;
}

// Every indicator the scheme reads: its nodes' and its vetoes'.
std::vector<std::string> indicators_of(const bj::object& scheme) {
  std::vector<std::string> out;
  auto add = [&](const bj::value* v) {
    if (v && v->is_string() && std::find(out.begin(), out.end(), v->as_string()) == out.end()) out.emplace_back(v->as_string());
  };
  if (const auto* nodes = scheme.if_contains("nodes"); nodes && nodes->is_array()) {
    for (const auto& n : nodes->as_array()) {
      if (n.is_object()) add(n.as_object().if_contains("indicator"));
    }
  }
  if (const auto* vetoes = scheme.if_contains("vetoes"); vetoes && vetoes->is_array()) {
    for (const auto& v : vetoes->as_array()) {
      const auto* all = v.is_object() ? v.as_object().if_contains("all") : nullptr;
      if (!all || !all->is_array()) continue;
      for (const auto& c : all->as_array()) {
        if (c.is_object()) add(c.as_object().if_contains("indicator"));
      }
    }
  }
  return out;
}

bj::value number_of(const std::optional<domain::Fraction>& f) {
  if (!f) return nullptr;
  return std::stod(decimal_text(*f, 6));
}

double num(const bj::value& v) { return v.is_double() ? v.as_double() : v.is_int64() ? static_cast<double>(v.as_int64()) : 0; }

// What each indicator node could still have scored, lost from the unit's total: points short of
// full points, or for a weighted scheme the share of the total its shortfall from 100 (or its cap) costs.
bj::array costliest(const bj::object& scheme, const bj::object& unit) {
  const bool points = scheme.at("method").as_string() == "points";
  std::map<std::string, const bj::object*> nodes;
  for (const auto& n : scheme.at("nodes").as_array()) nodes[std::string(n.as_object().at("code").as_string())] = &n.as_object();
  std::map<std::string, double> sibling_weight;  // parent → Σ weights of its children
  auto parent_of = [](const bj::object& n) {
    const auto* p = n.if_contains("parent");
    return p && p->is_string() ? std::string(p->as_string()) : std::string();
  };
  auto weight_of = [](const bj::object& n) {
    const auto* w = n.if_contains("weight");
    return w ? num(*w) : 1.0;
  };
  for (const auto& [code, n] : nodes) sibling_weight[parent_of(*n)] += weight_of(*n);
  std::vector<std::pair<double, bj::object>> lost;
  const auto& scores = unit.at("nodes").as_object();
  for (const auto& [code, n] : nodes) {
    if (!n->contains("indicator")) continue;
    const auto* entry = scores.if_contains(code);
    const bj::value* score = entry && entry->is_object() ? entry->as_object().if_contains("score") : nullptr;
    const double s = score && !score->is_null() ? num(*score) : 0;
    double amount = 0;
    if (points) {
      amount = num(n->at("points")) - s;
    } else {
      const auto* cap = n->if_contains("cap");
      const double full = cap && !cap->is_null() ? num(*cap) : 100;
      double share = 1;
      for (const bj::object* at = n; at;) {
        share *= weight_of(*at) / sibling_weight[parent_of(*at)];
        const auto up = nodes.find(parent_of(*at));
        at = up == nodes.end() ? nullptr : up->second;
      }
      amount = (full - s) * share;
    }
    if (amount > 1e-9) {
      lost.push_back({amount, bj::object{{"node", code}, {"indicator", n->at("indicator")}, {"lost", std::round(amount * 1e4) / 1e4}}});
    }
  }
  std::sort(lost.begin(), lost.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  bj::array out;
  for (std::size_t i = 0; i < lost.size() && i < 3; ++i) out.push_back(std::move(lost[i].second));
  return out;
}

}  // namespace

Outcome<std::string> assessment_schemes(store::Database&, const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  bj::array items;
  for (const auto& s : builtin_schemes()) items.push_back(bj::parse(s.json));
  return json::to_text(bj::object{{"items", std::move(items)}});
}

Outcome<std::string> run_assessment(store::Database& db, const Actor& actor, const AssessmentRequest& req) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  if (req.year < 1949 || req.year > 2100) {
    return Problem::validation({field_error("year", domain::fmsg::year_range, {{"min", 1949}, {"max", 2100}})});
  }
  auto scheme = scheme_named(req.scheme);
  if (!scheme) return Problem::not_found({msg::no_assessment_scheme, {{"code", req.scheme}}});
  auto conn = db.acquire();
  Transaction read(*conn, Transaction::Kind::read);
  std::optional<std::string> text = req.region;
  if (!text && actor.region) text = actor.region->text();
  if (!text) text = store::installation_setting(*conn, kHomeRegionSetting);
  if (!text) return Problem::validation({field_error("region", domain::fmsg::indicator_region_needed)});
  auto code = domain::RegionCode::parse(*text);
  if (!code) return Problem::validation({field_error("region", code.error())});
  // A district is judged among its city's districts.
  const domain::RegionCode region = code.value().level() == domain::RegionLevel::county ? code.value().prefecture() : code.value();
  if (actor.region && !actor.region->contains(code.value()) && !code.value().contains(*actor.region)) {
    return Problem::forbidden({msg::region_outside_scope, {{"region", code.value().text()}}});
  }
  if (!store::region_has_year(*conn, std::string(region.prefix()), req.year)) {
    return Problem::not_found({msg::indicator_no_data, {{"region", region.text()}, {"year", std::int64_t{req.year}}}});
  }
  const auto catalogue = catalogue_in_force(*conn);
  const auto codes = indicators_of(*scheme);
  for (const auto& c : codes) {
    if (!lookup_in(catalogue)(c)) return Problem::not_found({msg::indicator_unknown, {{"code", c}}});
  }
  bj::array units;
  for (const auto& district : store::districts_with_data(*conn, std::string(region.prefix()), req.year)) {
    if (district.substr(4) == "00") continue;
    StoreSource source(*conn, district);
    IndicatorEvaluator ev(source, lookup_in(catalogue), true);
    bj::object values, previous;
    for (const auto& c : codes) {
      const IndicatorDef& def = *lookup_in(catalogue)(c);
      auto now = ev.value(def, req.year);
      auto before = ev.value(def, req.year - 1);
      if (!now || !before) return Problem::validation({field_error("formula", (now ? before : now).error())}, "indicator " + c);
      values[c] = number_of(now.value().value);
      previous[c] = number_of(before.value().value);
    }
    units.push_back(bj::object{{"code", district}, {"values", std::move(values)}, {"previous", std::move(previous)}});
  }
  if (units.empty()) {
    return Problem::not_found({msg::indicator_no_data, {{"region", region.text()}, {"year", std::int64_t{req.year}}}});
  }
  const bj::array inputs = units;
  auto output = assess::assess_document(json::to_text(bj::object{{"scheme", *scheme}, {"units", std::move(units)}}));
  if (!output) return Problem::validation({field_error("scheme", domain::fmsg::assessment_scheme, {{"detail", output.error().message}})});
  auto result = bj::parse(output.value()).as_object();
  bj::array visible;
  for (std::size_t i = 0; i < result.at("units").as_array().size(); ++i) {
    auto& unit = result.at("units").as_array()[i].as_object();
    const std::string unit_code(unit.at("code").as_string());
    if (!actor.may_see_district(unit_code)) continue;  // a peer's figures stay with its district
    unit["costliest"] = costliest(*scheme, unit);
    unit["values"] = inputs[i].as_object().at("values");
    unit["previous"] = inputs[i].as_object().at("previous");
    visible.push_back(std::move(unit));
  }
  return json::to_text(bj::object{{"scheme", *scheme},
                                  {"year", req.year},
                                  {"region", region.text()},
                                  {"districts", result.at("units").as_array().size()},
                                  {"units", std::move(visible)}});
}

}  // namespace kc::app
