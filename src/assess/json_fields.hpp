// Internal to the parser (parse.cpp, parse_node.cpp, parse_standing.cpp): typed reads of JSON
// fields that refuse with a message naming the field. Parsing throws Refusal internally (many
// nested fields, one exit); parse_input turns it into an Error value at the edge, so callers only
// ever see a Result.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/scheme.hpp"

namespace kc::assess::parsing {

namespace json = boost::json;

struct Refusal {
  std::string code;
  std::string message;
};

[[noreturn]] inline void refuse(std::string code, std::string message) {
  throw Refusal{"assess." + std::move(code), std::move(message)};
}

inline const json::object& as_object(const json::value& v, const std::string& where) {
  if (!v.is_object()) refuse("malformed", where + ": expected an object");
  return v.get_object();
}

inline const json::array& as_array(const json::value& v, const std::string& where) {
  if (!v.is_array()) refuse("malformed", where + ": expected an array");
  return v.get_array();
}

inline std::string as_string(const json::value& v, const std::string& where) {
  if (!v.is_string()) refuse("malformed", where + ": expected a string");
  return std::string(v.get_string());
}

inline double as_number(const json::value& v, const std::string& where) {
  if (!v.is_number()) refuse("malformed", where + ": expected a number");
  return v.to_number<double>();
}

// A number or null; an absent key is null too (§9).
inline std::optional<double> optional_number(const json::object& o, std::string_view key,
                                      const std::string& where) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return as_number(*v, where + "." + std::string(key));
}

// One node of scheme.nodes, checked against the method (parse_node.cpp).
Node parse_node(const json::value& value, Method method);
// scheme.grades (parse_standing.cpp); empty when absent.
std::vector<Grade> parse_grades(const json::object& scheme_json);
// scheme.vetoes against the scheme's nodes and grades (parse_standing.cpp).
std::vector<Veto> parse_vetoes(const json::object& scheme_json, const Scheme& scheme);

}  // namespace kc::assess::parsing
