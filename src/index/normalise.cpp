#include "index/normalise.hpp"

#include <algorithm>
#include <cmath>

#include "index/stats.hpp"

namespace kc::index {

namespace {

Status need_params(const NormParams& p, std::size_t n, const char* what) {
  if (p.params.size() != n)
    return make_error("normalise.params",
                      std::string("normalise ") + to_string(p.method) + " needs params " + what);
  return ok();
}

}  // namespace

Status normalise_column(std::vector<double>& x, const NormParams& p, double direction,
                        double target, int ref_row) {
  for (double& v : x) v *= direction;
  const double mn = stats::min(x), mx = stats::max(x);
  switch (p.method) {
    case NormMethod::None:
      break;
    case NormMethod::MinMax: {
      if (auto s = need_params(p, 2, "[l, u]"); !s) return s;
      const double l = p.params[0], u = p.params[1];
      // A zero range gives NaN (missing), as in COINr.
      for (double& v : x) v = (v - mn) / (mx - mn) * (u - l) + l;
      break;
    }
    case NormMethod::ZScore: {
      if (auto s = need_params(p, 2, "[mean, sd]"); !s) return s;
      if (!(p.params[1] > 0))
        return make_error("normalise.params", "normalise zscore: sd must be > 0");
      const double m = stats::mean(x), sd = stats::sd(x);
      for (double& v : x) v = (v - m) / sd * p.params[1] + p.params[0];
      break;
    }
    case NormMethod::Scaled: {
      if (auto s = need_params(p, 2, "[l, u]"); !s) return s;
      const double l = p.params[0], u = p.params[1];
      if (l == u) return make_error("normalise.params", "normalise scaled: l and u must differ");
      for (double& v : x) v = (v - l) / (u - l) * 100;
      break;
    }
    case NormMethod::Rank:
      x = stats::min_rank(x);
      break;
    case NormMethod::Borda:
      x = stats::min_rank(x);
      for (double& v : x) v -= 1;
      break;
    case NormMethod::PRank: {
      const double n = static_cast<double>(stats::count_present(x));
      x = stats::min_rank(x);
      for (double& v : x) v = (v - 1) / (n - 1);
      break;
    }
    case NormMethod::FracMax:
      for (double& v : x) v = v / mx;
      break;
    case NormMethod::Dist2Max:
      for (double& v : x) v = 1 - (mx - v) / (mx - mn);
      break;
    case NormMethod::Dist2Ref: {
      if (ref_row < 0)
        return make_error("normalise.ref",
                          "normalise dist2ref: reference unit '" + p.ref + "' not found");
      const double r = x[ref_row];
      for (double& v : x) {
        v = 1 - (r - v) / (r - mn);
        if (p.cap_max && v > 1) v = 1;
      }
      break;
    }
    case NormMethod::Dist2Targ: {
      if (is_na(target))
        return make_error("normalise.target", "normalise dist2targ: iMeta Target is empty");
      const double t = target * direction;
      for (double& v : x) {
        v = 1 - (t - v) / (t - mn);
        if (p.cap_max && v > 1) v = 1;
      }
      break;
    }
    case NormMethod::Goalposts: {
      if (auto s = need_params(p, 3, "[lower, upper, scale]"); !s) return s;
      // Goalposts are given in the indicator's own units; flip them with the direction.
      double l = p.params[0] * direction, u = p.params[1] * direction;
      if (l > u) std::swap(l, u);
      if (l == u)
        return make_error("normalise.params", "normalise goalposts: lower and upper must differ");
      for (double& v : x) {
        if (is_na(v)) continue;
        v = std::clamp((v - l) / (u - l), 0.0, 1.0) * p.params[2];
      }
      break;
    }
  }
  return ok();
}

Result<Dataset> normalise(const Dataset& in, const NormaliseSpec& spec,
                          const Framework& framework) {
  for (const auto& [code, np] : spec.overrides)
    if (in.column(code) < 0)
      return make_error("normalise.override",
                        "normalise: override for '" + code + "', which is not an indicator");
  Dataset out = in;
  for (std::size_t c = 0; c < out.n_columns(); ++c) {
    const int row = framework.find(out.columns[c]);
    if (row < 0) continue;
    const MetaRow& meta = framework.rows()[row];
    const NormParams* p = &spec.global;
    for (const auto& [code, np] : spec.overrides)
      if (code == out.columns[c]) p = &np;
    const int ref = p->method == NormMethod::Dist2Ref ? out.unit(p->ref) : -1;
    if (auto s = normalise_column(out.values[c], *p, meta.direction, meta.target, ref); !s)
      return make_error(s.error().code, s.error().message + " (indicator '" + meta.code + "')");
  }
  return out;
}

}  // namespace kc::index
