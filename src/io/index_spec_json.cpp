#include "io/index_spec_json.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <initializer_list>

namespace kc::io {

namespace json = boost::json;
using domain::Error;

namespace {

Error bad(const std::string& where, const std::string& what) {
  return Error{"index_spec.invalid", where + ": " + what};
}

domain::Status only_keys(const json::object& o, const std::string& where,
                         std::initializer_list<const char*> keys) {
  for (const auto& kv : o) {
    bool known = false;
    for (const char* k : keys) known = known || kv.key() == k;
    if (!known) return bad(where, "unknown key '" + std::string(kv.key()) + "'");
  }
  return domain::ok();
}

domain::Result<double> number(const json::value& v, const std::string& where) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  return bad(where, "must be a number");
}

domain::Result<std::string> string(const json::value& v, const std::string& where) {
  if (!v.is_string()) return bad(where, "must be a string");
  return std::string(v.get_string());
}

domain::Result<std::vector<std::string>> strings(const json::value& v, const std::string& where) {
  if (!v.is_array()) return bad(where, "must be an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.get_array().size(); ++i) {
    auto s = string(v.get_array()[i], where + "[" + std::to_string(i) + "]");
    if (!s) return s.error();
    out.push_back(s.value());
  }
  return out;
}

domain::Result<std::vector<double>> numbers(const json::value& v, const std::string& where) {
  if (!v.is_array()) return bad(where, "must be an array of numbers");
  std::vector<double> out;
  for (std::size_t i = 0; i < v.get_array().size(); ++i) {
    auto x = number(v.get_array()[i], where + "[" + std::to_string(i) + "]");
    if (!x) return x.error();
    out.push_back(x.value());
  }
  return out;
}

domain::Result<json::value> parse_json(std::string_view text, const char* what) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec)
    return Error{"index_spec.json", std::string(what) + ": not valid JSON (" + ec.message() + ")"};
  if (!v.is_object())
    return Error{"index_spec.json", std::string(what) + ": the top level must be an object"};
  return v;
}

domain::Result<index::NormParams> norm_params(const json::object& o, const std::string& where,
                                              bool allow_extra_keys) {
  if (!allow_extra_keys)
    if (auto s = only_keys(o, where, {"method", "params", "ref", "cap_max"}); !s) return s.error();
  index::NormParams p;
  if (auto it = o.find("method"); it != o.end()) {
    auto m = string(it->value(), where + ".method");
    if (!m) return m.error();
    if (!index::parse(m.value(), p.method))
      return bad(where + ".method", "unknown method '" + m.value() +
                                        "' "
                                        "(minmax|zscore|rank|prank|borda|dist2max|dist2ref|"
                                        "dist2targ|fracmax|goalposts|scaled|none)");
  }
  switch (p.method) {
    case index::NormMethod::MinMax:
      p.params = {0, 100};
      break;
    case index::NormMethod::ZScore:
      p.params = {0, 1};
      break;
    case index::NormMethod::Scaled:
      p.params = {0, 100};
      break;
    default:
      p.params.clear();
  }
  if (auto it = o.find("params"); it != o.end()) {
    auto v = numbers(it->value(), where + ".params");
    if (!v) return v.error();
    p.params = v.value();
  }
  const std::size_t need =
      p.method == index::NormMethod::Goalposts ? 3
      : (p.method == index::NormMethod::MinMax || p.method == index::NormMethod::ZScore ||
         p.method == index::NormMethod::Scaled)
          ? 2
          : p.params.size();
  if (p.params.size() != need)
    return bad(where + ".params", std::string("normalise ") + index::to_string(p.method) +
                                      " takes " + std::to_string(need) + " numbers");
  if (auto it = o.find("ref"); it != o.end()) {
    auto r = string(it->value(), where + ".ref");
    if (!r) return r.error();
    p.ref = r.value();
  }
  if (p.method == index::NormMethod::Dist2Ref && p.ref.empty())
    return bad(where + ".ref", "dist2ref needs the uCode of the reference unit");
  if (auto it = o.find("cap_max"); it != o.end()) {
    if (!it->value().is_bool()) return bad(where + ".cap_max", "must be true or false");
    p.cap_max = it->value().get_bool();
  }
  return p;
}

domain::Result<index::Step> parse_step(const json::object& o, const std::string& where) {
  index::Step s;
  auto op_it = o.find("op");
  if (op_it == o.end()) return bad(where, "missing \"op\"");
  auto op = string(op_it->value(), where + ".op");
  if (!op) return op.error();
  const std::string& name = op.value();
  if (name == "denominate") {
    s.op = index::Op::Denominate;
    if (auto r = only_keys(o, where, {"op"}); !r) return r.error();
  } else if (name == "impute") {
    s.op = index::Op::Impute;
    if (auto r = only_keys(o, where, {"op", "method", "group"}); !r) return r.error();
    if (auto it = o.find("method"); it != o.end()) {
      auto m = string(it->value(), where + ".method");
      if (!m) return m.error();
      if (!index::parse(m.value(), s.impute.method))
        return bad(where + ".method",
                   "unknown method '" + m.value() + "' (mean|median|mean_group|median_group)");
      if (s.impute.method == index::ImputeMethod::PanelLatest ||
          s.impute.method == index::ImputeMethod::PanelLinear)
        return bad(where + ".method",
                   "'" + m.value() + "' is panel imputation: use --panel-impute with --time");
    }
    if (auto it = o.find("group"); it != o.end()) {
      auto g = string(it->value(), where + ".group");
      if (!g) return g.error();
      s.impute.group = g.value();
    }
    if ((s.impute.method == index::ImputeMethod::MeanGroup ||
         s.impute.method == index::ImputeMethod::MedianGroup) &&
        s.impute.group.empty())
      return bad(where + ".group", "group imputation needs the name of a group column");
  } else if (name == "screen") {
    s.op = index::Op::Screen;
    if (auto r = only_keys(o, where, {"op", "by", "threshold", "include", "exclude"}); !r)
      return r.error();
    if (auto it = o.find("by"); it != o.end()) {
      auto b = string(it->value(), where + ".by");
      if (!b) return b.error();
      if (!index::parse(b.value(), s.screen.by))
        return bad(where + ".by", "unknown value '" + b.value() + "' (NA|zeros|NA_and_zeros)");
    }
    if (auto it = o.find("threshold"); it != o.end()) {
      auto t = number(it->value(), where + ".threshold");
      if (!t) return t.error();
      if (!(t.value() >= 0 && t.value() <= 1))
        return bad(where + ".threshold", "must be between 0 and 1");
      s.screen.threshold = t.value();
    }
    for (auto [key, dst] :
         {std::pair{"include", &s.screen.include}, std::pair{"exclude", &s.screen.exclude}}) {
      if (auto it = o.find(key); it != o.end()) {
        auto v = strings(it->value(), where + "." + key);
        if (!v) return v.error();
        *dst = v.value();
      }
    }
  } else if (name == "treat") {
    s.op = index::Op::Treat;
    if (auto r = only_keys(o, where, {"op", "winmax", "skew", "kurt", "fallback", "skip"}); !r)
      return r.error();
    if (auto it = o.find("winmax"); it != o.end()) {
      auto w = number(it->value(), where + ".winmax");
      if (!w) return w.error();
      if (w.value() < 0 || w.value() != std::floor(w.value()))
        return bad(where + ".winmax", "must be a whole number >= 0");
      s.treat.winmax = static_cast<int>(w.value());
    }
    for (auto [key, dst] : {std::pair{"skew", &s.treat.skew}, std::pair{"kurt", &s.treat.kurt}}) {
      if (auto it = o.find(key); it != o.end()) {
        auto v = number(it->value(), where + "." + key);
        if (!v) return v.error();
        *dst = v.value();
      }
    }
    if (!(s.treat.skew > 0)) return bad(where + ".skew", "must be > 0");
    if (auto it = o.find("fallback"); it != o.end()) {
      auto f = string(it->value(), where + ".fallback");
      if (!f) return f.error();
      if (f.value() != "log" && f.value() != "none")
        return bad(where + ".fallback", "must be \"log\" or \"none\"");
      s.treat.log_fallback = f.value() == "log";
    }
    if (auto it = o.find("skip"); it != o.end()) {
      auto v = strings(it->value(), where + ".skip");
      if (!v) return v.error();
      s.treat.skip = v.value();
    }
  } else if (name == "normalise") {
    s.op = index::Op::Normalise;
    if (auto r = only_keys(
            o, where, {"op", "method", "params", "ref", "cap_max", "indicators", "panel_wide"});
        !r)
      return r.error();
    auto g = norm_params(o, where, true);
    if (!g) return g.error();
    s.normalise.global = g.value();
    if (auto it = o.find("panel_wide"); it != o.end()) {
      if (!it->value().is_bool()) return bad(where + ".panel_wide", "must be true or false");
      s.normalise.panel_wide = it->value().get_bool();
    }
    if (auto it = o.find("indicators"); it != o.end()) {
      if (!it->value().is_object())
        return bad(where + ".indicators", "must be an object {iCode: {method, params}}");
      for (const auto& kv : it->value().get_object()) {
        const std::string w = where + ".indicators." + std::string(kv.key());
        if (!kv.value().is_object()) return bad(w, "must be an object");
        auto p = norm_params(kv.value().get_object(), w, false);
        if (!p) return p.error();
        s.normalise.overrides.emplace_back(std::string(kv.key()), p.value());
      }
    }
  } else if (name == "aggregate") {
    s.op = index::Op::Aggregate;
    if (auto r = only_keys(o, where, {"op", "method", "p", "dat_thresh", "by_level", "weights"});
        !r)
      return r.error();
    auto method = [&](const json::value& v,
                      const std::string& w) -> domain::Result<index::AggMethod> {
      auto m = string(v, w);
      if (!m) return m.error();
      index::AggMethod a{};
      if (!index::parse(m.value(), a))
        return bad(
            w, "unknown method '" + m.value() + "' (amean|gmean|hmean|genmean|copeland|wmedian)");
      return a;
    };
    if (auto it = o.find("method"); it != o.end()) {
      auto m = method(it->value(), where + ".method");
      if (!m) return m.error();
      s.aggregate.method = m.value();
    }
    if (auto it = o.find("by_level"); it != o.end()) {
      if (!it->value().is_array()) return bad(where + ".by_level", "must be an array of methods");
      const auto& a = it->value().get_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        auto m = method(a[i], where + ".by_level[" + std::to_string(i) + "]");
        if (!m) return m.error();
        s.aggregate.by_level.push_back(m.value());
      }
    }
    if (auto it = o.find("p"); it != o.end()) {
      auto p = number(it->value(), where + ".p");
      if (!p) return p.error();
      s.aggregate.p = p.value();
    }
    if (auto it = o.find("dat_thresh"); it != o.end()) {
      auto t = number(it->value(), where + ".dat_thresh");
      if (!t) return t.error();
      if (!(t.value() >= 0 && t.value() <= 1))
        return bad(where + ".dat_thresh", "must be between 0 and 1");
      s.aggregate.dat_thresh = t.value();
    }
    if (auto it = o.find("weights"); it != o.end()) {
      if (!it->value().is_object())
        return bad(where + ".weights", "must be an object {iCode: weight}");
      for (const auto& kv : it->value().get_object()) {
        auto w = number(kv.value(), where + ".weights." + std::string(kv.key()));
        if (!w) return w.error();
        if (!(w.value() >= 0))
          return bad(where + ".weights." + std::string(kv.key()), "must be >= 0");
        s.aggregate.weights.emplace_back(std::string(kv.key()), w.value());
      }
    }
  } else {
    return bad(where + ".op",
               "unknown op '" + name + "' (denominate|impute|screen|treat|normalise|aggregate)");
  }
  return s;
}

}  // namespace

domain::Result<index::PipelineSpec> parse_pipeline_spec(std::string_view text) {
  auto v = parse_json(text, "spec");
  if (!v) return v.error();
  const json::object& o = v.value().get_object();
  if (auto s = only_keys(o, "spec", {"steps"}); !s) return s.error();
  auto it = o.find("steps");
  if (it == o.end() || !it->value().is_array()) return bad("spec", "\"steps\" must be an array");
  index::PipelineSpec spec;
  const auto& steps = it->value().get_array();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string where = "spec.steps[" + std::to_string(i) + "]";
    if (!steps[i].is_object()) return bad(where, "must be an object");
    auto s = parse_step(steps[i].get_object(), where);
    if (!s) return s.error();
    spec.steps.push_back(s.value());
  }
  for (std::size_t i = 0; i + 1 < spec.steps.size(); ++i)
    if (spec.steps[i].op == index::Op::Aggregate)
      return bad("spec.steps[" + std::to_string(i + 1) + "]",
                 "nothing can follow the aggregate step");
  return spec;
}

domain::Result<index::VarySpec> parse_vary_spec(std::string_view text) {
  auto v = parse_json(text, "vary");
  if (!v) return v.error();
  const json::object& o = v.value().get_object();
  if (auto s = only_keys(o, "vary", {"vary"}); !s) return s.error();
  auto it = o.find("vary");
  if (it == o.end() || !it->value().is_array()) return bad("vary", "\"vary\" must be an array");
  index::VarySpec spec;
  const auto& fs = it->value().get_array();
  for (std::size_t i = 0; i < fs.size(); ++i) {
    const std::string where = "vary.vary[" + std::to_string(i) + "]";
    if (!fs[i].is_object()) return bad(where, "must be an object");
    const json::object& f = fs[i].get_object();
    auto name_it = f.find("factor");
    if (name_it == f.end()) return bad(where, "missing \"factor\"");
    auto name = string(name_it->value(), where + ".factor");
    if (!name) return name.error();
    index::VaryFactor vf;
    const json::array* values = nullptr;
    if (name.value() != "weights") {
      if (auto s = only_keys(f, where, {"factor", "values"}); !s) return s.error();
      auto vit = f.find("values");
      if (vit == f.end() || !vit->value().is_array() || vit->value().get_array().empty())
        return bad(where + ".values", "must be a non-empty array");
      values = &vit->value().get_array();
    }
    auto item = [&](std::size_t k) { return where + ".values[" + std::to_string(k) + "]"; };
    if (name.value() == "winmax") {
      vf.kind = index::VaryFactor::Kind::Winmax;
      for (std::size_t k = 0; k < values->size(); ++k) {
        auto n = number((*values)[k], item(k));
        if (!n) return n.error();
        if (n.value() < 0 || n.value() != std::floor(n.value()))
          return bad(item(k), "must be a whole number >= 0");
        vf.winmax.push_back(static_cast<int>(n.value()));
      }
    } else if (name.value() == "normalise") {
      vf.kind = index::VaryFactor::Kind::Normalise;
      for (std::size_t k = 0; k < values->size(); ++k) {
        if (!(*values)[k].is_object()) return bad(item(k), "must be an object {method, params}");
        auto p = norm_params((*values)[k].get_object(), item(k), false);
        if (!p) return p.error();
        vf.normalise.push_back(p.value());
      }
    } else if (name.value() == "aggregate") {
      vf.kind = index::VaryFactor::Kind::Aggregate;
      for (std::size_t k = 0; k < values->size(); ++k) {
        if (!(*values)[k].is_object()) return bad(item(k), "must be an object {method, p}");
        const auto& a = (*values)[k].get_object();
        if (auto s = only_keys(a, item(k), {"method", "p"}); !s) return s.error();
        index::AggChoice c;
        auto mit = a.find("method");
        if (mit == a.end()) return bad(item(k), "missing \"method\"");
        auto m = string(mit->value(), item(k) + ".method");
        if (!m) return m.error();
        if (!index::parse(m.value(), c.method))
          return bad(item(k) + ".method", "unknown method '" + m.value() + "'");
        if (auto pit = a.find("p"); pit != a.end()) {
          auto p = number(pit->value(), item(k) + ".p");
          if (!p) return p.error();
          c.p = p.value();
        }
        vf.aggregate.push_back(c);
      }
    } else if (name.value() == "impute") {
      vf.kind = index::VaryFactor::Kind::Impute;
      for (std::size_t k = 0; k < values->size(); ++k) {
        if (!(*values)[k].is_bool()) return bad(item(k), "must be true or false");
        vf.impute.push_back((*values)[k].get_bool());
      }
    } else if (name.value() == "weights") {
      vf.kind = index::VaryFactor::Kind::Weights;
      if (auto s = only_keys(f, where, {"factor", "noise", "sets"}); !s) return s.error();
      auto nit = f.find("noise");
      if (nit == f.end() || !nit->value().is_array() || nit->value().get_array().empty())
        return bad(where + ".noise", "must be a non-empty array of {level, factor}");
      const auto& noise = nit->value().get_array();
      for (std::size_t k = 0; k < noise.size(); ++k) {
        const std::string w = where + ".noise[" + std::to_string(k) + "]";
        if (!noise[k].is_object()) return bad(w, "must be an object {level, factor}");
        const auto& no = noise[k].get_object();
        if (auto s = only_keys(no, w, {"level", "factor"}); !s) return s.error();
        auto lit = no.find("level");
        auto fit = no.find("factor");
        if (lit == no.end() || fit == no.end()) return bad(w, "needs both level and factor");
        auto lv = number(lit->value(), w + ".level");
        if (!lv) return lv.error();
        auto fv = number(fit->value(), w + ".factor");
        if (!fv) return fv.error();
        if (!(fv.value() >= 0 && fv.value() < 1)) return bad(w + ".factor", "must be in [0, 1)");
        vf.noise.push_back({static_cast<int>(lv.value()), fv.value()});
      }
      if (auto sit = f.find("sets"); sit != f.end()) {
        auto sv = number(sit->value(), where + ".sets");
        if (!sv) return sv.error();
        if (sv.value() < 1 || sv.value() != std::floor(sv.value()))
          return bad(where + ".sets", "must be a whole number >= 1");
        vf.sets = static_cast<int>(sv.value());
      }
    } else {
      return bad(where + ".factor", "unknown factor '" + name.value() +
                                        "' (winmax|normalise|weights|aggregate|impute)");
    }
    spec.factors.push_back(std::move(vf));
  }
  return spec;
}

}  // namespace kc::io
