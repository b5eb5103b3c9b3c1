#include "app/index_service.hpp"

#include <algorithm>
#include <cmath>

#include "index/pipeline.hpp"
#include "index/uncertainty.hpp"
#include "io/index_csv.hpp"
#include "io/index_spec_json.hpp"

namespace kc::app {
namespace {

constexpr std::size_t kMaxRuns = 20'000;

std::optional<Problem> may_compute(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden("Index building is for bureau users.");
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

struct Prepared {
  index::IndexData data;
  index::PipelineSpec spec;
};

Outcome<Prepared> prepare(const IndexRequest& r) {
  if (r.data_csv.empty()) return invalid("data", "iData CSV is required");
  if (r.meta_csv.empty()) return invalid("meta", "iMeta CSV is required");
  auto data = io::parse_index_csv(r.data_csv, r.meta_csv);
  if (!data) return invalid("data", data.error().message);
  index::PipelineSpec spec = index::PipelineSpec::defaults();
  if (!r.spec_json.empty()) {
    auto parsed = io::parse_pipeline_spec(r.spec_json);
    if (!parsed) return invalid("spec", parsed.error().message);
    spec = parsed.value();
  }
  if (auto st = index::validate(spec, data.value()); !st) return invalid("spec", st.error().message);
  return Prepared{std::move(data.value()), std::move(spec)};
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
  auto prepared = prepare(request);
  if (!prepared) return prepared.problem();
  // Datasets are always kept: the analysis, the profile and the export read them, and a build
  // costs well under a millisecond on district-sized data.
  auto built = index::build(prepared->data, prepared->spec, index::BuildOptions{});
  if (!built) return invalid("spec", built.error().message);
  IndexBuild b{std::move(prepared->data), std::move(prepared->spec), std::move(built.value()), {}, {}, {}};
  if (request.analysis || force_analysis) b.analysis = analyse_build(b.data, b.spec, b.output);
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
  auto prepared = prepare(request.index);
  if (!prepared) return prepared.problem();
  auto vary = io::parse_vary_spec(request.vary_json);
  if (!vary) return invalid("vary", vary.error().message);
  if (auto st = index::validate(vary.value(), prepared->spec); !st) return invalid("vary", st.error().message);
  index::UncertaintyOptions options;
  options.runs = request.runs;
  options.seed = request.seed;
  options.sensitivity = request.sensitivity;
  auto result = index::run_uncertainty(prepared->data, prepared->spec, vary.value(), options);
  if (!result) return invalid("vary", result.error().message);
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
