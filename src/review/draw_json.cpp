#include "review/draw_json.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <initializer_list>
#include <limits>
#include <set>

#include "review/eligibility.hpp"

namespace kc::review {
namespace {

namespace json = boost::json;

// Raised while reading and turned into a domain::Error at the edge of parse_draw_input.
struct Bad {
  std::string field;
  std::string message;
};

class Reader {
 public:
  Reader(const json::value& v, std::string path, std::initializer_list<std::string_view> keys)
      : path_(std::move(path)) {
    if (!v.is_object()) throw Bad{path_.empty() ? "input" : path_, "must be an object"};
    o_ = &v.get_object();
    for (const auto& kv : *o_) {
      if (std::find(keys.begin(), keys.end(), kv.key()) == keys.end())
        throw Bad{field(kv.key()), "is not a field of the draw input"};
    }
    for (auto k : keys)
      if (!o_->contains(k)) throw Bad{field(k), "is required"};
  }

  std::string field(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  const json::value& at(std::string_view key) const { return o_->at(key); }

  std::string string(std::string_view key) const { return as_string(at(key), field(key)); }

  std::int64_t integer(std::string_view key, std::int64_t lo, std::int64_t hi) const {
    return as_integer(at(key), field(key), lo, hi);
  }

  domain::Date date(std::string_view key) const { return as_date(at(key), field(key)); }

  bool boolean(std::string_view key) const {
    const auto& v = at(key);
    if (!v.is_bool()) throw Bad{field(key), "must be true or false"};
    return v.get_bool();
  }

  const json::array& array(std::string_view key) const {
    const auto& v = at(key);
    if (!v.is_array()) throw Bad{field(key), "must be an array"};
    return v.get_array();
  }

  std::vector<std::string> strings(std::string_view key) const {
    std::vector<std::string> out;
    const auto& a = array(key);
    for (std::size_t i = 0; i < a.size(); ++i)
      out.push_back(as_string(a[i], field(key) + "[" + std::to_string(i) + "]"));
    return out;
  }

  static std::string as_string(const json::value& v, const std::string& f) {
    if (!v.is_string()) throw Bad{f, "must be a string"};
    return std::string(v.get_string());
  }
  static std::int64_t as_integer(const json::value& v, const std::string& f, std::int64_t lo, std::int64_t hi) {
    if (!v.is_int64() && !(v.is_uint64()))
      throw Bad{f, "must be an integer"};
    if (v.is_uint64() || v.get_int64() < lo || v.get_int64() > hi)
      throw Bad{f, "must be between " + std::to_string(lo) + " and " + std::to_string(hi)};
    return v.get_int64();
  }
  static domain::Date as_date(const json::value& v, const std::string& f) {
    const std::string s = as_string(v, f);
    const auto d = domain::Date::parse(s);
    if (!d) throw Bad{f, "\"" + s + "\" is not a date (YYYY-MM-DD)"};
    return *d;
  }

 private:
  const json::object* o_ = nullptr;
  std::string path_;
};

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::string item(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

Expert read_expert(const json::value& v, const std::string& path) {
  const Reader r(v, path, {"id", "name", "fields", "affiliation", "former_affiliations", "collaborations",
                           "relatives", "students", "supervisors", "declared", "prior_load", "active"});
  Expert e;
  e.id = r.string("id");
  e.name = r.string("name");
  e.fields = r.strings("fields");
  e.affiliation = r.string("affiliation");
  const auto& former = r.array("former_affiliations");
  for (std::size_t i = 0; i < former.size(); ++i) {
    const Reader f(former[i], item(r.field("former_affiliations"), i), {"unit", "until"});
    e.former_affiliations.push_back({f.string("unit"), f.date("until")});
  }
  const auto& collab = r.array("collaborations");
  for (std::size_t i = 0; i < collab.size(); ++i) {
    const Reader c(collab[i], item(r.field("collaborations"), i), {"with", "on"});
    e.collaborations.push_back({c.string("with"), c.date("on")});
  }
  e.relatives = r.strings("relatives");
  e.students = r.strings("students");
  e.supervisors = r.strings("supervisors");
  e.declared = r.strings("declared");
  e.prior_load = r.integer("prior_load", 0, kMax);
  e.active = r.boolean("active");
  return e;
}

Application read_application(const json::value& v, const std::string& path) {
  const Reader r(v, path, {"id", "field", "applicant", "partners", "people", "excluded_experts"});
  Application a;
  a.id = r.string("id");
  a.field = r.string("field");
  a.applicant = r.string("applicant");
  a.partners = r.strings("partners");
  a.people = r.strings("people");
  a.excluded_experts = r.strings("excluded_experts");
  return a;
}

std::uint64_t read_seed(const json::value& v) {
  if (v.is_uint64()) return v.get_uint64();
  if (v.is_int64() && v.get_int64() >= 0) return static_cast<std::uint64_t>(v.get_int64());
  throw Bad{"seed", "must be an unsigned 64-bit integer"};
}

DrawInput read_input(const json::value& root) {
  const Reader r(root, "", {"seed", "as_of", "panel_size", "reserves", "max_load", "max_same_affiliation",
                            "window_years", "experts", "applications"});
  DrawInput in;
  in.seed = read_seed(r.at("seed"));
  in.as_of = r.date("as_of");
  in.panel_size = r.integer("panel_size", 1, kMax);
  in.reserves = r.integer("reserves", 0, kMax);
  in.max_load = r.integer("max_load", 1, kMax);
  if (!r.at("max_same_affiliation").is_null()) in.max_same_affiliation = r.integer("max_same_affiliation", 1, kMax);
  // Not bounded by the spec; a window longer than recorded history means nothing, and keeping it
  // small keeps the date arithmetic in range.
  in.window_years = r.integer("window_years", 0, 1000);
  std::set<std::string> ids;
  const auto& experts = r.array("experts");
  for (std::size_t i = 0; i < experts.size(); ++i) {
    in.experts.push_back(read_expert(experts[i], item("experts", i)));
    if (!ids.insert(in.experts.back().id).second)
      throw Bad{item("experts", i) + ".id", "duplicate expert id \"" + in.experts.back().id + "\""};
  }
  ids.clear();
  const auto& apps = r.array("applications");
  for (std::size_t i = 0; i < apps.size(); ++i) {
    in.applications.push_back(read_application(apps[i], item("applications", i)));
    if (!ids.insert(in.applications.back().id).second)
      throw Bad{item("applications", i) + ".id",
                "duplicate application id \"" + in.applications.back().id + "\""};
  }
  return in;
}

json::array ids_of(const DrawInput& in, const std::vector<std::size_t>& experts) {
  json::array a;
  for (std::size_t e : experts) a.emplace_back(in.experts[e].id);
  return a;
}

}  // namespace

domain::Result<DrawInput> parse_draw_input(std::string_view text) {
  boost::system::error_code ec;
  const json::value root = json::parse(text, ec);
  if (ec) return domain::Error{"review.input", "input: not JSON (" + ec.message() + ")"};
  try {
    return read_input(root);
  } catch (const Bad& b) {
    return domain::Error{"review.input", b.field + ": " + b.message};
  }
}

std::string draw_output_json(const DrawInput& in, const DrawOutput& out) {
  json::object doc;
  doc["seed"] = out.seed;  // an unsigned integer stays one, also above 2^53
  json::array assignments;
  for (std::size_t a = 0; a < out.assignments.size(); ++a) {
    const Assignment& as = out.assignments[a];
    json::object o;
    o["application"] = in.applications[a].id;
    o["panel"] = ids_of(in, as.panel);
    o["reserves"] = ids_of(in, as.reserves);
    o["eligible"] = as.eligible;
    json::array excluded;
    for (const Exclusion& x : as.excluded) {
      json::array reasons;
      for (Conflict c : x.reasons) reasons.emplace_back(conflict_code(c));
      excluded.emplace_back(json::object{{"expert", in.experts[x.expert].id}, {"reasons", std::move(reasons)}});
    }
    o["excluded"] = std::move(excluded);
    assignments.emplace_back(std::move(o));
  }
  doc["assignments"] = std::move(assignments);
  json::array shorts;
  for (const Shortfall& s : out.shortfalls)
    shorts.emplace_back(json::object{{"application", in.applications[s.application].id},
                                     {"missing_seats", s.missing_seats}});
  doc["short"] = std::move(shorts);
  json::object load;
  for (std::size_t e = 0; e < in.experts.size(); ++e)
    if (out.panels[e] > 0) load[in.experts[e].id] = out.load[e];
  doc["load"] = std::move(load);
  return json::serialize(doc);
}

}  // namespace kc::review
