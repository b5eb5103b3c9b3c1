// `kechuang index build|uncertainty`: the composite-index engine's machine interface
// (spec/composite-index.md, "Machine interface"). Exit status 1 for bad input (files that do not
// parse, a spec the data cannot take), 2 when a file cannot be read or written.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "index/pipeline.hpp"
#include "index/uncertainty.hpp"
#include "io/csv.hpp"
#include "io/index_csv.hpp"
#include "io/index_spec_json.hpp"

namespace kc::cli {
namespace {

struct CommonOptions {
  std::string data, meta, spec, out;
  std::optional<double> time;
  std::string panel_impute;
};

[[noreturn]] void fail(const std::string& message, int status) {
  std::cerr << "kechuang index: " << message << "\n";
  throw CLI::RuntimeError(status);
}

int status_of(const domain::Error& e) { return e.code.rfind("file.", 0) == 0 ? 2 : 1; }

// Reads iData, iMeta and the spec (COINr's defaults without one).
std::pair<index::IndexData, index::PipelineSpec> load(const CommonOptions& o) {
  domain::Result<index::IndexData> data = io::read_index_csv(o.data, o.meta);
  if (!data) fail(data.error().message, status_of(data.error()));
  index::TimeChoice choice{o.time, {}};
  if (o.panel_impute == "latest") choice.panel_impute = index::ImputeMethod::PanelLatest;
  if (o.panel_impute == "linear") choice.panel_impute = index::ImputeMethod::PanelLinear;
  auto chosen = index::choose_time(std::move(data.value()), choice);
  if (!chosen) {
    const auto& e = chosen.error();
    // The CLI names its own options in the message.
    if (e.code == "panel.time_required") fail(e.message + " with --time", 1);
    if (e.code == "panel.impute_needs_time") fail("--panel-impute needs --time", 1);
    fail(e.message, 1);
  }
  index::PipelineSpec spec = index::PipelineSpec::defaults();
  if (!o.spec.empty()) {
    auto text = io::read_file(o.spec);
    if (!text) fail(text.error().message, 2);
    auto parsed = io::parse_pipeline_spec(text.value());
    if (!parsed) fail(o.spec + ": " + parsed.error().message, 1);
    spec = std::move(parsed.value());
  }
  if (auto s = index::validate(spec, chosen.value()); !s) fail(s.error().message, 1);
  return {std::move(chosen.value()), std::move(spec)};
}

void add_common(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("--data", o.data, "iData CSV (one row per unit)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--meta", o.meta, "iMeta CSV (one row per column and aggregate)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--spec", o.spec,
                  "pipeline spec JSON (default: minmax [0,100], then arithmetic mean)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", o.out, "output directory")->required();
  cmd->add_option("--time", o.time, "panel data: the Time value (year) to build");
  cmd->add_option("--panel-impute", o.panel_impute,
                  "panel data: fill gaps from the unit's other years first")
      ->check(CLI::IsMember({"latest", "linear"}));
}

void run_build(const CommonOptions& o, int repeat) {
  auto [data, spec] = load(o);
  std::unique_ptr<index::BuildOutput> last;
  for (int i = 0; i < repeat; ++i) {
    auto out = index::build(data, spec);
    if (!out) fail(out.error().message, 1);
    last = std::make_unique<index::BuildOutput>(std::move(out.value()));
  }
  if (auto s = io::write_build_outputs(o.out, *last, data.framework); !s)
    fail(s.error().message, 2);
  std::cout << "index built: " << last->last().n_units() << " units, " << last->datasets.size()
            << " datasets written to " << o.out << "\n";
  if (!last->screened_out.empty())
    std::cout << "screened out: " << last->screened_out.size() << " units\n";
}

void run_uncertainty(const CommonOptions& o, const std::string& vary_path,
                     const index::UncertaintyOptions& uo) {
  auto [data, spec] = load(o);
  auto text = io::read_file(vary_path);
  if (!text) fail(text.error().message, 2);
  auto vary = io::parse_vary_spec(text.value());
  if (!vary) fail(vary_path + ": " + vary.error().message, 1);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = index::run_uncertainty(data, spec, vary.value(), uo);
  if (!r) fail(r.error().message, 1);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (auto s = io::write_uncertainty_outputs(o.out, r.value(), uo.sensitivity); !s)
    fail(s.error().message, 2);
  std::cout << "uncertainty analysis: " << r->runs << " runs in " << secs << " s, results in "
            << o.out << "\n";
  if (r->failed_runs)
    std::cerr << "kechuang index: warning: " << r->failed_runs
              << " runs could not be built with their choices (e.g. gmean of non-positive values) "
                 "and were left out\n";
}

}  // namespace

void add_index_command(CLI::App& app) {
  auto* index =
      app.add_subcommand("index", "composite indices (COINr-equivalent): build, uncertainty");
  index->require_subcommand(1);

  auto build_opts = std::make_shared<CommonOptions>();
  auto repeat = std::make_shared<int>(1);
  auto* build = index->add_subcommand("build", "build an index and write every dataset as CSV");
  add_common(build, *build_opts);
  build
      ->add_option("--repeat", *repeat,
                   "build N times over the data read (for timing); outputs written once")
      ->check(CLI::PositiveNumber);
  build->callback([build_opts, repeat] { run_build(*build_opts, *repeat); });

  auto ua_opts = std::make_shared<CommonOptions>();
  auto vary = std::make_shared<std::string>();
  auto uo = std::make_shared<index::UncertaintyOptions>();
  auto* ua =
      index->add_subcommand("uncertainty", "uncertainty (and sensitivity) analysis of the ranks");
  add_common(ua, *ua_opts);
  ua->add_option("--vary", *vary, "vary JSON: the choices to vary")
      ->required()
      ->check(CLI::ExistingFile);
  ua->add_option("--runs", uo->runs, "runs (with --sensitivity: base sample N, N·(d+2) runs)")
      ->required()
      ->check(CLI::PositiveNumber);
  ua->add_option("--seed", uo->seed, "random seed")->required();
  ua->add_flag("--sensitivity", uo->sensitivity,
               "Saltelli sensitivity analysis; writes sensitivity.csv");
  ua->add_option("--threads", uo->threads, "threads (default: all cores)");
  ua->add_option("--bootstrap", uo->bootstrap, "bootstrap resamples for the sensitivity intervals")
      ->check(CLI::NonNegativeNumber);
  ua->callback([ua_opts, vary, uo] { run_uncertainty(*ua_opts, *vary, *uo); });
}

}  // namespace kc::cli
