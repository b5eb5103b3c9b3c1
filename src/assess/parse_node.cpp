// One node of scheme.nodes (spec/assessment.md §1): its kind, direction, transform, target, cap
// default and the points method's points, bands and bonus, refused with the node named.
#include "assess/json_fields.hpp"

namespace kc::assess::parsing {
namespace {

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

}  // namespace

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

}  // namespace kc::assess::parsing
