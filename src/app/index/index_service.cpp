#include "app/index/index_service.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "app/limit_problem.hpp"
#include "app/messages.hpp"
#include "index/pipeline.hpp"
#include "index/uncertainty.hpp"
#include "io/index_csv.hpp"
#include "io/index_spec_json.hpp"

namespace kc::app {
namespace {

constexpr std::size_t kMaxRuns = 20'000;

std::optional<Problem> may_compute(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  return std::nullopt;
}

Problem invalid(const std::string& field, const std::string& message) {
  return Problem::validation({{field, message}});
}

// NaN (missing) becomes JSON null.
boost::json::value number(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}

boost::json::array numbers(const std::vector<double>& values) {
  boost::json::array out;
  out.reserve(values.size());
  for (double v : values) out.push_back(number(v));
  return out;
}

// The request's deadline: a clock read is all the engine is given (UncertaintyOptions::stop).
class Deadline {
 public:
  explicit Deadline(std::int64_t seconds)
      : seconds_(seconds), at_(std::chrono::steady_clock::now() + std::chrono::seconds(seconds)) {}
  bool passed() const { return seconds_ > 0 && std::chrono::steady_clock::now() >= at_; }
  std::function<bool()> stop() const {
    if (seconds_ <= 0) return {};
    return [at = at_] { return std::chrono::steady_clock::now() >= at; };
  }
  Problem problem(const std::string& what) const {
    Problem p{422, "time_budget_exceeded", "Time budget exceeded",
              what + " did not finish within the " + std::to_string(seconds_) +
                  " s a request may take; use fewer runs, units or indicators.",
              {}};
    p.params = {{"seconds", seconds_}};
    return p;
  }

 private:
  std::int64_t seconds_;
  std::chrono::steady_clock::time_point at_;
};

Problem too_large(const std::string& what, std::uint64_t cost, std::uint64_t limit) {
  Problem p{422, "analysis_too_large", "Analysis too large",
            what + " would cost " + std::to_string(cost) + " cell computations, more than the " +
                std::to_string(limit) + " one request may ask for.",
            {}};
  p.params = {{"limit", static_cast<std::int64_t>(limit)}, {"cost", static_cast<std::int64_t>(cost)}};
  return p;
}

struct Prepared {
  index::IndexData data;
  index::PipelineSpec spec;
};

Outcome<Prepared> prepare(const IndexRequest& r) {
  if (r.data_csv.empty()) return invalid("data", "iData CSV is required");
  if (r.meta_csv.empty()) return invalid("meta", "iMeta CSV is required");
  auto data = io::parse_index_csv(r.data_csv, r.meta_csv);
  if (!data) {
    if (auto p = limit_problem(data.error(), "data")) return *p;
    return invalid("data", data.error().message);
  }
  index::TimeChoice choice{r.time, {}};
  if (r.panel_impute == "latest") choice.panel_impute = index::ImputeMethod::PanelLatest;
  else if (r.panel_impute == "linear") choice.panel_impute = index::ImputeMethod::PanelLinear;
  else if (!r.panel_impute.empty()) return invalid("panel_impute", "must be latest or linear");
  auto chosen = index::choose_time(std::move(data.value()), choice);
  if (!chosen) return invalid(chosen.error().code == "panel.impute_needs_time" ? "panel_impute" : "time",
                              chosen.error().message);
  index::PipelineSpec spec = index::PipelineSpec::defaults();
  if (!r.spec_json.empty()) {
    auto parsed = io::parse_pipeline_spec(r.spec_json);
    if (!parsed) return invalid("spec", parsed.error().message);
    spec = parsed.value();
  }
  if (auto st = index::validate(spec, chosen.value()); !st) return invalid("spec", st.error().message);
  return Prepared{std::move(chosen.value()), std::move(spec)};
}

boost::json::array framework_json(const IndexAnalysis& a) {
  boost::json::array rows;
  for (const auto& f : a.framework) {
    boost::json::object o;
    o["code"] = f.code;
    o["name"] = f.name;
    o["level"] = f.level;
    o["parent"] = f.parent.empty() ? boost::json::value(nullptr) : boost::json::value(f.parent);
    o["direction"] = number(f.direction);
    o["weight"] = number(f.weight);
    o["effective_weight"] = number(f.effective_weight);
    rows.push_back(std::move(o));
  }
  return rows;
}

boost::json::array statistics_json(const std::vector<index::ColumnStats>& stats) {
  boost::json::array out;
  for (const auto& s : stats) {
    out.push_back({{"code", s.code},
                   {"n", s.n},
                   {"availability", number(s.availability)},
                   {"zeros", s.zeros},
                   {"min", number(s.min)},
                   {"max", number(s.max)},
                   {"mean", number(s.mean)},
                   {"median", number(s.median)},
                   {"sd", number(s.sd)},
                   {"skew", number(s.skew)},
                   {"kurt", number(s.kurt)},
                   {"outlier", s.outlier}});
  }
  return out;
}

boost::json::array ranked_json(const std::vector<index::UnitRank>& items) {
  boost::json::array out;
  for (const auto& i : items) out.push_back({{"code", i.code}, {"value", number(i.value)}, {"rank", number(i.rank)}});
  return out;
}

// The before values of `before` in the order of `units` (null for a unit `before` lacks).
boost::json::array matched(const std::vector<std::string>& units, const std::vector<std::string>& before_units,
                           const std::vector<double>& before) {
  boost::json::array out;
  for (const auto& u : units) {
    auto it = std::find(before_units.begin(), before_units.end(), u);
    out.push_back(it == before_units.end() ? boost::json::value(nullptr)
                                           : number(before[static_cast<std::size_t>(it - before_units.begin())]));
  }
  return out;
}

boost::json::object what_if_json(const IndexWhatIf& w) {
  const auto& before = w.result.before;
  const auto& after = w.result.after;
  const std::vector<double> empty;
  const auto& score_before = before.scores.empty() ? empty : before.scores.front();
  const auto& score_after = after.scores.empty() ? empty : after.scores.front();
  boost::json::object o;
  o["units"] = boost::json::value_from(after.units);
  o["score_before"] = matched(after.units, before.units, score_before);
  o["score_after"] = numbers(score_after);
  o["rank_before"] = matched(after.units, before.units, before.rank);
  o["rank_after"] = numbers(after.rank);
  o["rank_change"] = numbers(w.result.rank_change);
  return o;
}

}  // namespace

Outcome<IndexBuild> run_index_build(const Actor& actor, const IndexRequest& request, bool force_analysis) {
  if (auto p = may_compute(actor)) return *p;
  const Deadline deadline(request.time_budget_seconds);
  auto prepared = prepare(request);
  if (!prepared) return prepared.problem();
  const bool analysis = request.analysis || force_analysis;
  if (analysis) {
    // Correlations pair every indicator and aggregate column over every unit.
    const std::uint64_t columns = prepared->data.framework.rows().size();
    const std::uint64_t cost = columns * columns * std::max<std::uint64_t>(prepared->data.raw.n_units(), 1);
    if (cost > kMaxCorrelationCost) return too_large("The analysis", cost, kMaxCorrelationCost);
  }
  // Datasets are always kept: the analysis, the profile and the export read them, and a build
  // costs well under a millisecond on district-sized data.
  auto built = index::build(prepared->data, prepared->spec, index::BuildOptions{});
  if (!built) return invalid("spec", built.error().message);
  IndexBuild b{std::move(prepared->data), std::move(prepared->spec), std::move(built.value()), {}, {}, {}};
  // Between the steps: a build that already took the budget does not go on to the analysis.
  if (deadline.passed()) return deadline.problem("The build");
  if (analysis) b.analysis = analyse_build(b.data, b.spec, b.output);
  if (deadline.passed()) return deadline.problem("The analysis");
  if (request.profile) {
    auto p = profile_unit(b.data, b.output, *request.profile);
    if (!p) return p.problem();
    b.profile = std::move(p.value());
  }
  if (request.what_if) {
    auto w = what_if_build(b.data, b.spec, *request.what_if);
    if (!w) return w.problem();
    b.what_if = std::move(w.value());
  }
  return b;
}

boost::json::object index_build_json(const IndexBuild& b, bool include_datasets) {
  const auto& out = b.output;
  boost::json::object results;
  results["units"] = boost::json::value_from(out.results.units);
  results["columns"] = boost::json::value_from(out.results.columns);
  boost::json::object scores, ranks;
  for (std::size_t c = 0; c < out.results.columns.size(); ++c) {
    scores[out.results.columns[c]] = numbers(out.results.scores[c]);
    ranks[out.results.columns[c]] = numbers(out.results.ranks[c]);
  }
  results["scores"] = std::move(scores);
  results["ranks"] = std::move(ranks);
  results["rank"] = numbers(out.results.rank);

  boost::json::array treat;
  for (const auto& t : out.treat_details) {
    boost::json::object o;
    o["code"] = t.code;
    o["skew_before"] = number(t.before.skew);
    o["kurt_before"] = number(t.before.kurt);
    o["winsorised"] = t.winsorised;
    o["points_winsorised"] = t.nwin;
    o["logged"] = t.logged;
    treat.push_back(std::move(o));
  }
  boost::json::object body;
  body["results"] = std::move(results);
  body["treat_details"] = std::move(treat);
  body["screened_out"] = boost::json::value_from(out.screened_out);
  if (include_datasets) {
    boost::json::object datasets;
    for (const auto& d : out.datasets) datasets[d.name] = io::dataset_csv(d.data, b.data.framework);
    body["datasets"] = std::move(datasets);
  }
  if (b.analysis) {
    const IndexAnalysis& a = *b.analysis;
    body["framework"] = framework_json(a);
    body["statistics"] = statistics_json(a.statistics);
    boost::json::array r;
    for (const auto& row : a.correlations.r) r.push_back(numbers(row));
    body["correlations"] = {{"codes", boost::json::value_from(a.correlations.x)}, {"r", std::move(r)}};
    boost::json::array alpha;
    for (const auto& g : a.alpha) alpha.push_back({{"group", g.group}, {"alpha", number(g.alpha)}});
    body["alpha"] = std::move(alpha);
  }
  if (b.profile) {
    body["profile"] = {{"unit", b.profile->unit},
                       {"level", b.profile->level},
                       {"strengths", ranked_json(b.profile->profile.strengths)},
                       {"weaknesses", ranked_json(b.profile->profile.weaknesses)}};
  }
  if (b.what_if) body["what_if"] = what_if_json(*b.what_if);
  return body;
}

Outcome<boost::json::object> build_index(const Actor& actor, const IndexRequest& request) {
  auto b = run_index_build(actor, request);
  if (!b) return b.problem();
  return index_build_json(b.value(), request.include_datasets);
}

Outcome<IndexUncertainty> run_index_uncertainty(const Actor& actor, const UncertaintyRequest& request) {
  if (auto p = may_compute(actor)) return *p;
  if (request.runs == 0 || request.runs > kMaxRuns) {
    return invalid("runs", "must be from 1 to " + std::to_string(kMaxRuns));
  }
  const Deadline deadline(request.index.time_budget_seconds);
  auto prepared = prepare(request.index);
  if (!prepared) return prepared.problem();
  auto vary = io::parse_vary_spec(request.vary_json);
  if (!vary) return invalid("vary", vary.error().message);
  if (auto st = index::validate(vary.value(), prepared->spec); !st) return invalid("vary", st.error().message);
  // Every run rebuilds every cell: refuse what could not finish rather than start it.
  const std::uint64_t runs = request.sensitivity ? request.runs * (vary->factors.size() + 2) : request.runs;
  const std::uint64_t cells = static_cast<std::uint64_t>(prepared->data.raw.n_units()) *
                              std::max<std::size_t>(prepared->data.raw.n_columns(), 1);
  if (runs * cells > kMaxUncertaintyCost)
    return too_large("The uncertainty analysis (" + std::to_string(runs) + " runs × " + std::to_string(cells) +
                         " cells)",
                     runs * cells, kMaxUncertaintyCost);
  index::UncertaintyOptions options;
  options.runs = request.runs;
  options.seed = request.seed;
  options.sensitivity = request.sensitivity;
  options.stop = deadline.stop();
  auto result = index::run_uncertainty(prepared->data, prepared->spec, vary.value(), options);
  if (!result) {
    if (result.error().code == "ua.stopped") return deadline.problem("The uncertainty analysis");
    return invalid("vary", result.error().message);
  }
  return IndexUncertainty{std::move(result.value()), request.sensitivity};
}

boost::json::object index_uncertainty_json(const IndexUncertainty& u) {
  const auto& r = u.result;
  boost::json::object ranks;
  ranks["units"] = boost::json::value_from(r.ranks.units);
  ranks["nominal"] = numbers(r.ranks.nominal);
  ranks["mean"] = numbers(r.ranks.mean);
  ranks["median"] = numbers(r.ranks.median);
  ranks["q5"] = numbers(r.ranks.q5);
  ranks["q95"] = numbers(r.ranks.q95);
  boost::json::array sensitivity;
  for (const auto& s : r.sensitivity) {
    boost::json::object o;
    o["factor"] = s.factor;
    o["si"] = number(s.si);
    o["sti"] = number(s.sti);
    o["si_q5"] = number(s.si_q5);
    o["si_q95"] = number(s.si_q95);
    o["sti_q5"] = number(s.sti_q5);
    o["sti_q95"] = number(s.sti_q95);
    sensitivity.push_back(std::move(o));
  }
  boost::json::object body;
  body["rank_stats"] = std::move(ranks);
  body["sensitivity"] = std::move(sensitivity);
  body["runs"] = r.runs;
  body["failed_runs"] = r.failed_runs;
  return body;
}

Outcome<boost::json::object> index_uncertainty(const Actor& actor, const UncertaintyRequest& request) {
  auto u = run_index_uncertainty(actor, request);
  if (!u) return u.problem();
  return index_uncertainty_json(u.value());
}

}  // namespace kc::app
