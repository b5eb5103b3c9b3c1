#include "index/uncertainty.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <unordered_map>

#include "index/parallel.hpp"
#include "index/rng.hpp"
#include "index/sensitivity.hpp"
#include "index/stats.hpp"

namespace kc::index {

namespace {

// Streams of the generator, so that design draws, weight sets and bootstrap never overlap.
constexpr std::uint64_t kStreamDesign = 1, kStreamWeights = 2;

std::size_t pick(double u, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)));
}

bool has_step(const PipelineSpec& s, Op op) {
  return std::any_of(s.steps.begin(), s.steps.end(), [&](const Step& x) { return x.op == op; });
}

}  // namespace

std::string VaryFactor::name() const {
  switch (kind) {
    case Kind::Winmax:
      return "winmax";
    case Kind::Normalise:
      return "normalise";
    case Kind::Weights:
      return "weights";
    case Kind::Aggregate:
      return "aggregate";
    case Kind::Impute:
      return "impute";
  }
  return "";
}

std::size_t VaryFactor::alternatives() const {
  switch (kind) {
    case Kind::Winmax:
      return winmax.size();
    case Kind::Normalise:
      return normalise.size();
    case Kind::Weights:
      return static_cast<std::size_t>(std::max(sets, 0));
    case Kind::Aggregate:
      return aggregate.size();
    case Kind::Impute:
      return impute.size();
  }
  return 0;
}

Status validate(const VarySpec& vary, const PipelineSpec& nominal) {
  if (vary.factors.empty()) return make_error("vary.empty", "vary: no factor to vary");
  for (std::size_t i = 0; i < vary.factors.size(); ++i) {
    const VaryFactor& f = vary.factors[i];
    const std::string where = "vary factor " + std::to_string(i + 1) + " (" + f.name() + ")";
    for (std::size_t j = 0; j < i; ++j)
      if (vary.factors[j].kind == f.kind)
        return make_error("vary.duplicate", where + ": varied twice");
    if (f.alternatives() == 0) return make_error("vary.values", where + ": no alternatives given");
    if (f.kind == VaryFactor::Kind::Winmax && !has_step(nominal, Op::Treat))
      return make_error("vary.step", where + ": the spec has no treat step to vary");
    if (f.kind == VaryFactor::Kind::Normalise && !has_step(nominal, Op::Normalise))
      return make_error("vary.step", where + ": the spec has no normalise step to vary");
    if ((f.kind == VaryFactor::Kind::Aggregate || f.kind == VaryFactor::Kind::Weights) &&
        !has_step(nominal, Op::Aggregate))
      return make_error("vary.step", where + ": the spec has no aggregate step");
    if (f.kind == VaryFactor::Kind::Weights && f.noise.empty())
      return make_error("vary.noise", where + ": give at least one {level, factor}");
    for (int w : f.winmax)
      if (w < 0) return make_error("vary.values", where + ": winmax values must be >= 0");
  }
  if (!has_step(nominal, Op::Aggregate))
    return make_error("vary.step", "uncertainty analysis needs an aggregate step");
  return ok();
}

RunChoice choose(const PipelineSpec& nominal, const VarySpec& vary, std::span<const double> u) {
  RunChoice c{nominal, -1};
  auto& steps = c.spec.steps;
  for (std::size_t i = 0; i < vary.factors.size(); ++i) {
    const VaryFactor& f = vary.factors[i];
    const std::size_t k = pick(u[i], f.alternatives());
    switch (f.kind) {
      case VaryFactor::Kind::Winmax:
        for (auto& s : steps)
          if (s.op == Op::Treat) s.treat.winmax = f.winmax[k];
        break;
      case VaryFactor::Kind::Normalise:
        for (auto& s : steps)
          if (s.op == Op::Normalise) s.normalise.global = f.normalise[k];
        break;
      case VaryFactor::Kind::Aggregate:
        for (auto& s : steps)
          if (s.op == Op::Aggregate) {
            s.aggregate.method = f.aggregate[k].method;
            s.aggregate.p = f.aggregate[k].p;
            s.aggregate.by_level.clear();
          }
        break;
      case VaryFactor::Kind::Weights:
        c.weight_set = static_cast<int>(k);
        break;
      case VaryFactor::Kind::Impute: {
        const bool on = f.impute[k];
        const bool has = has_step(c.spec, Op::Impute);
        if (!on) {
          std::erase_if(steps, [](const Step& s) { return s.op == Op::Impute; });
        } else if (!has) {
          Step imp;
          imp.op = Op::Impute;
          auto at = std::find_if(steps.begin(), steps.end(),
                                 [](const Step& s) { return s.op != Op::Denominate; });
          steps.insert(at, imp);
        }
        break;
      }
    }
  }
  return c;
}

Result<UncertaintyResult> run_uncertainty(const IndexData& data, const PipelineSpec& nominal,
                                          const VarySpec& vary, const UncertaintyOptions& options) {
  if (auto s = validate(vary, nominal); !s) return s.error();
  if (auto s = validate(nominal, data); !s) return s.error();
  if (options.runs == 0) return make_error("ua.runs", "uncertainty: runs must be at least 1");
  const std::size_t d = vary.factors.size();

  auto nominal_build = build(data, nominal, BuildOptions{{}, false, false});
  if (!nominal_build) return nominal_build.error();
  UncertaintyResult out;
  out.ranks.units = nominal_build->results.units;
  out.ranks.nominal = nominal_build->results.rank;
  const std::size_t n_units = out.ranks.units.size();
  std::unordered_map<std::string, std::size_t> unit_pos;
  for (std::size_t u = 0; u < n_units; ++u) unit_pos[out.ranks.units[u]] = u;

  // Noisy weight sets, drawn once and in order so they depend only on the seed.
  // Noise is applied to the nominal weights: iMeta's with the aggregate step's overrides.
  std::vector<std::vector<double>> weight_sets;
  std::vector<double> meta_w = data.framework.weights();
  for (const auto& step : nominal.steps)
    if (step.op == Op::Aggregate)
      for (const auto& [code, value] : step.aggregate.weights)
        if (const int r = data.framework.find(code); r >= 0) meta_w[r] = value;
  for (const auto& f : vary.factors) {
    if (f.kind != VaryFactor::Kind::Weights) continue;
    for (int s = 0; s < f.sets; ++s) {
      Rng rng(options.seed, kStreamWeights, static_cast<std::uint64_t>(s));
      weight_sets.push_back(
          noisy_weights(data.framework, meta_w, f.noise, [&] { return rng.uniform(); }));
    }
  }

  // The design: one row of d uniforms per run. For SA, base row r gives A_r, B_r and the d mixes.
  const std::size_t runs = options.sensitivity ? options.runs * (d + 2) : options.runs;
  auto design = [&](std::size_t run, std::vector<double>& u) {
    u.assign(d, 0);
    if (!options.sensitivity) {
      Rng rng(options.seed, kStreamDesign, run);
      for (auto& x : u) x = rng.uniform();
      return;
    }
    const std::size_t r = run / (d + 2), k = run % (d + 2);
    Rng rng(options.seed, kStreamDesign, r);
    std::vector<double> a(d), b(d);
    for (auto& x : a) x = rng.uniform();
    for (auto& x : b) x = rng.uniform();
    if (k == 0)
      u = a;
    else if (k == 1)
      u = b;
    else {
      u = a;
      u[k - 2] = b[k - 2];
    }
  };

  out.runs = runs;
  out.run_ranks.assign(runs, std::vector<double>(n_units, kNA));
  out.output.assign(runs, kNA);
  std::vector<char> failed(runs, 0);
  // Once stop() says so, the remaining runs are skipped (a run is one build: checking before each
  // costs a clock read against at least microseconds of work).
  std::atomic<bool> stopped{false};
  std::atomic<std::size_t> started{0};
  parallel_for(runs, options.threads, [&](std::size_t run) {
    if (stopped.load(std::memory_order_relaxed)) return;
    if (options.stop && options.stop()) {
      stopped.store(true, std::memory_order_relaxed);
      return;
    }
    started.fetch_add(1, std::memory_order_relaxed);
    std::vector<double> u;
    design(run, u);
    RunChoice c = choose(nominal, vary, u);
    BuildOptions bo{{}, false, false};
    if (c.weight_set >= 0) {
      bo.weights = weight_sets[static_cast<std::size_t>(c.weight_set)];
      for (auto& step : c.spec.steps) step.aggregate.weights.clear();  // already in the set
    }
    auto b = build(data, c.spec, bo);
    if (!b) {
      failed[run] = 1;
      return;
    }
    const Results& r = b->results;
    auto& ranks = out.run_ranks[run];
    for (std::size_t i = 0; i < r.units.size(); ++i) {
      auto it = unit_pos.find(r.units[i]);
      if (it != unit_pos.end()) ranks[it->second] = r.rank[i];
    }
    double s = 0;
    std::size_t k = 0;
    for (std::size_t i = 0; i < n_units; ++i)
      if (!is_na(ranks[i]) && !is_na(out.ranks.nominal[i]))
        s += std::abs(ranks[i] - out.ranks.nominal[i]), ++k;
    out.output[run] = k ? s / static_cast<double>(k) : kNA;
  });
  if (stopped.load() || (options.sensitivity && options.stop && options.stop()))
    return make_error("ua.stopped", "uncertainty: stopped after " + std::to_string(started.load()) +
                                        " of " + std::to_string(runs) + " runs");
  out.failed_runs = static_cast<std::size_t>(std::count(failed.begin(), failed.end(), 1));

  // Rank statistics over every run that ranked the unit.
  auto& rs = out.ranks;
  rs.mean.assign(n_units, kNA);
  rs.median = rs.q5 = rs.q95 = rs.mean;
  std::vector<double> col;
  for (std::size_t i = 0; i < n_units; ++i) {
    col.clear();
    for (std::size_t run = 0; run < runs; ++run)
      if (!is_na(out.run_ranks[run][i])) col.push_back(out.run_ranks[run][i]);
    if (col.empty()) continue;
    rs.mean[i] = stats::mean(col);
    std::sort(col.begin(), col.end());
    rs.median[i] = stats::quantile_sorted(col, 0.5);
    rs.q5[i] = stats::quantile_sorted(col, 0.05);
    rs.q95[i] = stats::quantile_sorted(col, 0.95);
  }

  if (options.sensitivity) {
    const std::size_t N = options.runs;
    std::vector<double> yA(N), yB(N);
    std::vector<std::vector<double>> yAB(d, std::vector<double>(N));
    for (std::size_t r = 0; r < N; ++r) {
      yA[r] = out.output[r * (d + 2)];
      yB[r] = out.output[r * (d + 2) + 1];
      for (std::size_t i = 0; i < d; ++i) yAB[i][r] = out.output[r * (d + 2) + 2 + i];
    }
    out.sensitivity = sensitivity_indices(vary, yA, yB, yAB, options.seed, options.bootstrap);
  }
  return out;
}

}  // namespace kc::index
