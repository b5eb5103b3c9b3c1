#include "assess/parse.hpp"

#include <boost/json.hpp>

#include <set>
#include <stdexcept>

#include "assess/tree.hpp"

namespace kc::assess {
namespace {

namespace json = boost::json;

// Parsing throws Refusal internally (many nested fields, one exit); parse_input turns it into an
// Error value at the edge, so callers only ever see a Result.
struct Refusal {
  std::string code;
  std::string message;
};

[[noreturn]] void refuse(std::string code, std::string message) {
  throw Refusal{"assess." + std::move(code), std::move(message)};
}

const json::object& as_object(const json::value& v, const std::string& where) {
  if (!v.is_object()) refuse("malformed", where + ": expected an object");
  return v.get_object();
}

const json::array& as_array(const json::value& v, const std::string& where) {
  if (!v.is_array()) refuse("malformed", where + ": expected an array");
  return v.get_array();
}

std::string as_string(const json::value& v, const std::string& where) {
  if (!v.is_string()) refuse("malformed", where + ": expected a string");
  return std::string(v.get_string());
}

double as_number(const json::value& v, const std::string& where) {
  if (!v.is_number()) refuse("malformed", where + ": expected a number");
  return v.to_number<double>();
}

// A number or null; an absent key is null too (§9).
std::optional<double> optional_number(const json::object& o, std::string_view key,
                                      const std::string& where) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return as_number(*v, where + "." + std::string(key));
}

Values parse_values(const json::object& unit, std::string_view key, const std::string& where) {
  Values out;
  const auto* v = unit.if_contains(key);
  if (!v || v->is_null()) return out;
  for (const auto& [k, value] : as_object(*v, where + "." + std::string(key))) {
    const std::string field = where + "." + std::string(key) + "." + std::string(k);
    out[std::string(k)] = value.is_null() ? std::nullopt : std::optional(as_number(value, field));
  }
  return out;
}

Method parse_method(const json::object& s) {
  const auto* v = s.if_contains("method");
  if (!v) refuse("malformed", "scheme.method is required");
  const std::string m = as_string(*v, "scheme.method");
  if (m == "target_ratio") return Method::target_ratio;
  if (m == "base_index") return Method::base_index;
  if (m == "points") return Method::points;
  refuse("malformed", "scheme.method: unknown method \"" + m + "\"");
}

std::optional<Bonus> parse_bonus(const json::object& n, const std::string& where) {
  const auto* v = n.if_contains("bonus");
  if (!v || v->is_null()) return std::nullopt;
  const auto& b = as_object(*v, where + ".bonus");
  Bonus out;
  for (auto [key, field] : {std::pair{"per", &out.per}, std::pair{"points", &out.points},
                            std::pair{"max", &out.max}}) {
    const auto* x = b.if_contains(key);
    if (!x) refuse("bonus", where + ".bonus." + key + " is required");
    *field = as_number(*x, where + ".bonus." + key);
  }
  if (!(out.per > 0)) refuse("bonus", where + ": bonus.per must be positive");
  return out;
}

std::optional<std::vector<Band>> parse_bands(const json::object& n, const std::string& where) {
  const auto* v = n.if_contains("bands");
  if (!v || v->is_null()) return std::nullopt;
  std::vector<Band> out;
  for (const auto& b : as_array(*v, where + ".bands")) {
    const auto& o = as_object(b, where + ".bands[]");
    const auto* from = o.if_contains("from");
    const auto* share = o.if_contains("share");
    if (!from || !share) refuse("bands", where + ": every band needs from and share");
    Band band{as_number(*from, where + ".bands[].from"), as_number(*share, where + ".bands[].share")};
    if (band.share < 0 || band.share > 1)
      refuse("bands", where + ": band shares must lie in [0, 1]");
    if (!out.empty() && !(band.from < out.back().from))
      refuse("bands", where + ": bands must be in strictly decreasing from");
    out.push_back(band);
  }
  return out;
}

Node parse_node(const json::value& value, Method method) {
  const auto& n = as_object(value, "scheme.nodes[]");
  Node node;
  const auto* code = n.if_contains("code");
  if (!code) refuse("malformed", "scheme.nodes[]: a node without a code");
  node.code = as_string(*code, "scheme.nodes[].code");
  const std::string where = "node " + node.code;
  if (const auto* p = n.if_contains("parent"); p && !p->is_null())
    node.parent = as_string(*p, where + ".parent");
  if (const auto* w = n.if_contains("weight"); w) {
    if (!w->is_number() || !(w->to_number<double>() > 0))
      refuse("weight", where + ": weight must be a positive number");
    node.weight = w->to_number<double>();
  }
  const auto* indicator = n.if_contains("indicator");
  node.is_indicator = indicator != nullptr && !indicator->is_null();
  if (!node.is_indicator) return node;
  node.indicator = as_string(*indicator, where + ".indicator");
  if (const auto* d = n.if_contains("direction"); d && !d->is_null()) {
    const double dir = as_number(*d, where + ".direction");
    if (dir != 1 && dir != -1) refuse("direction", where + ": direction must be 1 or -1");
    node.direction = static_cast<int>(dir);
  }
  if (const auto* t = n.if_contains("transform"); t && !t->is_null()) {
    const std::string tr = as_string(*t, where + ".transform");
    if (tr == "level") node.transform = Transform::level;
    else if (tr == "growth") node.transform = Transform::growth;
    else if (tr == "change") node.transform = Transform::change;
    else refuse("transform", where + ": unknown transform \"" + tr + "\"");
  }
  if (method == Method::base_index && node.transform != Transform::level)
    refuse("transform", where + ": growth and change are not defined for a base_index scheme");
  node.target = optional_number(n, "target", where);
  // base_index scores against the base year, not a target; a target given there is still checked
  // (§9: targets must be positive), since below_target vetoes read it.
  if (method != Method::base_index && !node.target)
    refuse("target", where + ": a target is required by this method");
  if (node.target && !(*node.target > 0)) refuse("target", where + ": the target must be positive");
  // An absent cap is the method's default (100 for target_ratio, none otherwise); null is none.
  if (const auto* c = n.if_contains("cap"))
    node.cap = c->is_null() ? std::nullopt : std::optional(as_number(*c, where + ".cap"));
  else if (method == Method::target_ratio)
    node.cap = 100.0;
  if (method == Method::points) {
    const auto* p = n.if_contains("points");
    if (!p || p->is_null()) refuse("points", where + ": points is required by the points method");
    node.points = as_number(*p, where + ".points");
    node.bands = parse_bands(n, where);
    node.bonus = parse_bonus(n, where);
  }
  return node;
}

std::vector<Grade> parse_grades(const json::object& s) {
  std::vector<Grade> out;
  const auto* v = s.if_contains("grades");
  if (!v || v->is_null()) return out;
  std::set<std::string> names;
  for (const auto& g : as_array(*v, "scheme.grades")) {
    const auto& o = as_object(g, "scheme.grades[]");
    const auto* name = o.if_contains("grade");
    if (!name) refuse("grades", "scheme.grades[]: a grade without a name");
    Grade grade{as_string(*name, "scheme.grades[].grade"),
                optional_number(o, "min", "grade " + std::string(name->get_string()))};
    if (!names.insert(grade.grade).second) refuse("grades", "grade " + grade.grade + " repeats");
    if (!out.empty() && !out.back().min)
      refuse("grades", "grade " + grade.grade + ": only the last grade may have min null");
    if (!out.empty() && grade.min && !(*grade.min < *out.back().min))
      refuse("grades", "grade " + grade.grade + ": grades must be in strictly decreasing min");
    out.push_back(std::move(grade));
  }
  if (!out.empty() && out.back().min)
    refuse("grades", "scheme.grades: the last grade must have min null");
  return out;
}

VetoTest parse_test(const std::string& t, const std::string& where) {
  if (t == "falls") return VetoTest::falls;
  if (t == "growth_below") return VetoTest::growth_below;
  if (t == "below_target") return VetoTest::below_target;
  if (t == "below") return VetoTest::below;
  refuse("veto", where + ": unknown test \"" + t + "\"");
}

std::vector<Veto> parse_vetoes(const json::object& s, const Scheme& scheme) {
  std::vector<Veto> out;
  const auto* v = s.if_contains("vetoes");
  if (!v || v->is_null()) return out;
  std::set<std::string> scored, codes;
  for (const auto& n : scheme.nodes)
    if (n.is_indicator) scored.insert(n.indicator);
  for (const auto& item : as_array(*v, "scheme.vetoes")) {
    const auto& o = as_object(item, "scheme.vetoes[]");
    const auto* code = o.if_contains("code");
    if (!code) refuse("veto", "scheme.vetoes[]: a veto without a code");
    Veto veto{as_string(*code, "scheme.vetoes[].code"), {}, std::nullopt};
    const std::string where = "veto " + veto.code;
    if (!codes.insert(veto.code).second) refuse("veto", where + " repeats");
    const auto* all = o.if_contains("all");
    if (!all) refuse("veto", where + ": all is required");
    for (const auto& c : as_array(*all, where + ".all")) {
      const auto& co = as_object(c, where + ".all[]");
      const auto* ind = co.if_contains("indicator");
      const auto* test = co.if_contains("test");
      if (!ind || !test) refuse("veto", where + ": a condition needs indicator and test");
      Condition cond{as_string(*ind, where + ".all[].indicator"),
                     parse_test(as_string(*test, where + ".all[].test"), where), 0};
      if (!scored.contains(cond.indicator))
        refuse("veto", where + ": unknown indicator " + cond.indicator);
      if (cond.test == VetoTest::growth_below || cond.test == VetoTest::below) {
        const auto value = optional_number(co, "value", where);
        if (!value) refuse("veto", where + ": test needs a value");
        cond.value = *value;
      }
      veto.all.push_back(std::move(cond));
    }
    if (const auto* g = o.if_contains("max_grade"); g && !g->is_null()) {
      const std::string name = as_string(*g, where + ".max_grade");
      for (std::size_t i = 0; i < scheme.grades.size(); ++i)
        if (scheme.grades[i].grade == name) veto.max_grade = i;
      if (!veto.max_grade) refuse("veto", where + ": max_grade " + name + " is not a grade of the scheme");
    }
    out.push_back(std::move(veto));
  }
  return out;
}

Scheme parse_scheme(const json::object& s) {
  Scheme scheme;
  const auto* code = s.if_contains("code");
  if (!code) refuse("malformed", "scheme.code is required");
  scheme.code = as_string(*code, "scheme.code");
  scheme.method = parse_method(s);
  if (const auto* m = s.if_contains("missing"); m && !m->is_null()) {
    const std::string policy = as_string(*m, "scheme.missing");
    if (policy == "zero") scheme.missing = MissingPolicy::zero;
    else if (policy == "reweight") scheme.missing = MissingPolicy::reweight;
    else refuse("malformed", "scheme.missing: unknown policy \"" + policy + "\"");
  }
  if (scheme.method == Method::points && scheme.missing == MissingPolicy::reweight)
    refuse("missing", "scheme.missing: reweight is not defined for the points method");
  const auto* nodes = s.if_contains("nodes");
  if (!nodes) refuse("malformed", "scheme.nodes is required");
  for (const auto& n : as_array(*nodes, "scheme.nodes")) scheme.nodes.push_back(parse_node(n, scheme.method));
  if (auto linked = link_tree(scheme); !linked) throw Refusal{linked.error().code, linked.error().message};
  scheme.grades = parse_grades(s);
  scheme.vetoes = parse_vetoes(s, scheme);
  return scheme;
}

Unit parse_unit(const json::value& value, std::size_t index) {
  const auto& u = as_object(value, "units[" + std::to_string(index) + "]");
  const auto* code = u.if_contains("code");
  if (!code) refuse("malformed", "units[" + std::to_string(index) + "]: a unit without a code");
  Unit unit;
  unit.code = as_string(*code, "units[" + std::to_string(index) + "].code");
  const std::string where = "unit " + unit.code;
  unit.values = parse_values(u, "values", where);
  unit.previous = parse_values(u, "previous", where);
  unit.base = parse_values(u, "base", where);
  return unit;
}

}  // namespace

domain::Result<Input> parse_input(std::string_view json_text) {
  boost::system::error_code ec;
  const json::value doc = json::parse(json_text, ec);
  if (ec) return domain::Error{"assess.malformed", "the input is not JSON: " + ec.message()};
  try {
    const auto& root = as_object(doc, "input");
    Input input;
    const auto* scheme = root.if_contains("scheme");
    if (!scheme) refuse("malformed", "input.scheme is required");
    input.scheme = parse_scheme(as_object(*scheme, "input.scheme"));
    const auto* units = root.if_contains("units");
    if (!units) refuse("malformed", "input.units is required");
    std::set<std::string> codes;
    for (const auto& u : as_array(*units, "input.units")) {
      input.units.push_back(parse_unit(u, input.units.size()));
      if (!codes.insert(input.units.back().code).second)
        refuse("unit", "unit " + input.units.back().code + " repeats");
    }
    if (const auto* a = root.if_contains("analysis"); a && !a->is_null()) {
      const auto& analysis = as_object(*a, "input.analysis");
      if (const auto* nr = analysis.if_contains("next_rank"); nr && !nr->is_null()) {
        if (!nr->is_bool()) refuse("malformed", "input.analysis.next_rank: expected true or false");
        input.next_rank = nr->get_bool();
      }
    }
    return input;
  } catch (const Refusal& r) {
    return domain::Error{r.code, r.message};
  }
}

}  // namespace kc::assess
