// Benchmarks of the composite-index engine: one build of the COINr example pipeline on ASEM, an
// uncertainty analysis of 10,000 runs on ASEM, and a synthetic 3,000 units × 100 indicators build.
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>

#include "index/pipeline.hpp"
#include "index/rng.hpp"
#include "index/uncertainty.hpp"
#include "io/csv.hpp"
#include "io/index_csv.hpp"
#include "io/index_spec_json.hpp"

namespace {

using namespace kc;

const index::IndexData& asem() {
  static const index::IndexData data = [] {
    const std::string dir = std::string(KC_REFERENCE_DIR) + "/asem/";
    auto d = io::read_index_csv(dir + "ASEM_iData.csv", dir + "ASEM_iMeta.csv");
    if (!d) throw std::runtime_error(d.error().message);
    return std::move(d.value());
  }();
  return data;
}

index::PipelineSpec example_spec() {
  auto text = io::read_file(std::string(KC_REFERENCE_DIR) + "/asem/example-spec.json");
  auto spec = io::parse_pipeline_spec(text.value());
  if (!spec) throw std::runtime_error(spec.error().message);
  return spec.value();
}

void BM_AsemExampleBuild(benchmark::State& state) {
  const auto& data = asem();
  const auto spec = example_spec();
  // Arg 1: keep every dataset and the treatment details (what `index build` writes); 0: results
  // only.
  const bool keep = state.range(0) != 0;
  for (auto _ : state) {
    auto out = index::build(data, spec, index::BuildOptions{{}, keep, keep});
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_AsemExampleBuild)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

void BM_AsemUncertainty(benchmark::State& state) {
  const auto& data = asem();
  const auto spec = example_spec();
  auto vary = io::parse_vary_spec(R"({"vary": [
    {"factor": "winmax", "values": [1, 2, 3, 4, 5]},
    {"factor": "normalise", "values": [{"method": "minmax", "params": [1, 100]}, {"method": "zscore", "params": [10, 2]}]},
    {"factor": "weights", "noise": [{"level": 2, "factor": 0.25}, {"level": 3, "factor": 0.25}], "sets": 100},
    {"factor": "aggregate", "values": [{"method": "amean"}, {"method": "gmean"}]},
    {"factor": "impute", "values": [true, false]}
  ]})");
  index::UncertaintyOptions o;
  o.runs = static_cast<std::size_t>(state.range(0));
  o.seed = 1;
  o.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    auto r = index::run_uncertainty(data, spec, vary.value(), o);
    if (!r) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_AsemUncertainty)
    ->Args({10000, 2})
    ->Args({10000, 1})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

// 3,000 units × 100 indicators in 10 pillars, 2 sub-indices and an index; skewed values with 2 %
// missing so that imputation and treatment have work to do.
const index::IndexData& synthetic() {
  static const index::IndexData data = [] {
    std::vector<index::MetaRow> rows;
    auto row = [](int level, std::string code, std::string parent, index::ColumnType t) {
      index::MetaRow r;
      r.level = level;
      r.code = std::move(code);
      r.parent = std::move(parent);
      r.type = t;
      return r;
    };
    for (int i = 0; i < 100; ++i)
      rows.push_back(row(1, "i" + std::to_string(i), "p" + std::to_string(i / 10),
                         index::ColumnType::Indicator));
    for (int p = 0; p < 10; ++p)
      rows.push_back(
          row(2, "p" + std::to_string(p), p < 5 ? "s0" : "s1", index::ColumnType::Aggregate));
    rows.push_back(row(3, "s0", "Index", index::ColumnType::Aggregate));
    rows.push_back(row(3, "s1", "Index", index::ColumnType::Aggregate));
    rows.push_back(row(4, "Index", "", index::ColumnType::Aggregate));
    auto fw = index::Framework::build(rows);
    index::UnitData units;
    std::vector<index::NumberColumn> cols;
    for (int u = 0; u < 3000; ++u) units.codes.push_back("U" + std::to_string(u));
    units.names.assign(3000, "");
    units.time.assign(3000, index::kNA);
    for (int i = 0; i < 100; ++i) {
      index::Rng rng(2024, 9, static_cast<std::uint64_t>(i));
      index::NumberColumn c{"i" + std::to_string(i), {}};
      for (int u = 0; u < 3000; ++u) {
        const double z = rng.uniform();
        c.values.push_back(rng.uniform() < 0.02 ? index::kNA : std::exp(3 * z * z));
      }
      cols.push_back(std::move(c));
    }
    return std::move(
        index::assemble(std::move(fw.value()), std::move(units), std::move(cols)).value());
  }();
  return data;
}

void BM_Synthetic3000x100(benchmark::State& state) {
  const auto& data = synthetic();
  auto spec = io::parse_pipeline_spec(R"({"steps": [
    {"op": "impute", "method": "mean"},
    {"op": "treat", "winmax": 5},
    {"op": "normalise", "method": "minmax", "params": [0, 100]},
    {"op": "aggregate", "method": "amean"}
  ]})");
  for (auto _ : state) {
    auto out = index::build(data, spec.value());
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_Synthetic3000x100)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
