#include "assess/parse.hpp"

#include <set>

#include "assess/json_fields.hpp"
#include "assess/tree.hpp"

namespace kc::assess {
namespace {

using namespace parsing;

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
