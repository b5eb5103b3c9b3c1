// read_index_options (declared in index_service.hpp): the studio's optional build members.
#include <cmath>
#include <limits>

#include "app/index/index_service.hpp"

namespace kc::app {
namespace {

constexpr std::size_t kMaxCodeBytes = 200;
// One what-if changes one unit's indicators and some weights; a framework larger than this is
// not something a person edits by hand.
constexpr std::size_t kMaxChanges = 5'000;

class OptionReader {
 public:
  void error(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  bool ok() const { return errors_.empty(); }
  Problem problem() { return Problem::validation(std::move(errors_)); }

  // Members of `o` other than `allowed` are refused, so a typo is never silently ignored.
  void allow_only(const boost::json::object& o, const std::string& where,
                  std::initializer_list<const char*> allowed) {
    for (const auto& kv : o) {
      bool known = false;
      for (const char* a : allowed) known = known || kv.key() == a;
      if (!known) error(where + "." + std::string(kv.key()), "is not a known field");
    }
  }

  std::optional<std::string> code(const boost::json::value& v, const std::string& field) {
    if (!v.is_string() || v.as_string().empty() || v.as_string().size() > kMaxCodeBytes) {
      error(field,
            "must be a non-empty code of at most " + std::to_string(kMaxCodeBytes) + " bytes");
      return std::nullopt;
    }
    return std::string(v.as_string());
  }

  std::optional<std::int64_t> integer(const boost::json::value& v, const std::string& field,
                                      std::int64_t lo, std::int64_t hi) {
    std::optional<std::int64_t> n;
    if (v.is_int64())
      n = v.as_int64();
    else if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(hi))
      n = static_cast<std::int64_t>(v.as_uint64());
    else if (v.is_double() && std::floor(v.as_double()) == v.as_double() &&
             std::abs(v.as_double()) < 1e15)
      n = static_cast<std::int64_t>(v.as_double());
    if (!n || *n < lo || *n > hi) {
      error(field,
            "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return std::nullopt;
    }
    return n;
  }

  // {code: number} (or null, NaN = missing, when `null_ok`) into pairs.
  std::vector<std::pair<std::string, double>> numbers(const boost::json::value& v,
                                                      const std::string& field, bool null_ok) {
    std::vector<std::pair<std::string, double>> out;
    if (!v.is_object()) {
      error(field, null_ok ? "must be an object {iCode: number or null}"
                           : "must be an object {iCode: number}");
      return out;
    }
    if (v.as_object().size() > kMaxChanges) {
      error(field, "at most " + std::to_string(kMaxChanges) + " entries");
      return out;
    }
    for (const auto& kv : v.as_object()) {
      const std::string key(kv.key());
      const std::string f = field + "." + key;
      if (key.empty() || key.size() > kMaxCodeBytes) {
        error(f, "is not a valid iCode");
      } else if (kv.value().is_null() && null_ok) {
        out.emplace_back(key, std::numeric_limits<double>::quiet_NaN());
      } else if (kv.value().is_number()) {
        out.emplace_back(key, kv.value().to_number<double>());
      } else {
        error(f, null_ok ? "must be a number or null (missing)" : "must be a number");
      }
    }
    return out;
  }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace

Status read_index_options(const boost::json::object& body, IndexRequest& request) {
  OptionReader r;
  if (const auto* v = body.if_contains("analysis")) {
    if (v->is_bool())
      request.analysis = v->as_bool();
    else
      r.error("analysis", "must be true or false");
  }
  if (const auto* v = body.if_contains("profile"); v && !v->is_null()) {
    if (!v->is_object()) {
      r.error("profile", "must be an object {unit, level?, n?}");
    } else {
      const auto& o = v->as_object();
      r.allow_only(o, "profile", {"unit", "level", "n"});
      ProfileOptions p;
      if (const auto* u = o.if_contains("unit")) {
        if (auto c = r.code(*u, "profile.unit")) p.unit = *c;
      } else {
        r.error("profile.unit", "is required");
      }
      if (const auto* l = o.if_contains("level"))
        if (auto n = r.integer(*l, "profile.level", 1, 100)) p.level = static_cast<int>(*n);
      if (const auto* n = o.if_contains("n"))
        if (auto k = r.integer(*n, "profile.n", 1, 100)) p.n = static_cast<std::size_t>(*k);
      request.profile = std::move(p);
    }
  }
  if (const auto* v = body.if_contains("what_if"); v && !v->is_null()) {
    if (!v->is_object()) {
      r.error("what_if", "must be an object {unit?, values?, weights?}");
    } else {
      const auto& o = v->as_object();
      r.allow_only(o, "what_if", {"unit", "values", "weights"});
      WhatIfOptions w;
      if (const auto* u = o.if_contains("unit"); u && !u->is_null())
        if (auto c = r.code(*u, "what_if.unit")) w.unit = *c;
      if (const auto* vals = o.if_contains("values"))
        w.values = r.numbers(*vals, "what_if.values", true);
      if (const auto* ws = o.if_contains("weights"))
        w.weights = r.numbers(*ws, "what_if.weights", false);
      request.what_if = std::move(w);
    }
  }
  if (!r.ok()) return r.problem();
  return done();
}

}  // namespace kc::app
