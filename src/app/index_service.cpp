#include "app/index_service.hpp"

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

}  // namespace

Outcome<boost::json::object> build_index(const Actor& actor, const IndexRequest& request) {
  if (auto p = may_compute(actor)) return *p;
  auto prepared = prepare(request);
  if (!prepared) return prepared.problem();
  index::BuildOptions options;
  options.keep_datasets = request.include_datasets;
  auto built = index::build(prepared->data, prepared->spec, options);
  if (!built) return invalid("spec", built.error().message);
  const auto& out = built.value();

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
  if (request.include_datasets) {
    boost::json::object datasets;
    for (const auto& d : out.datasets) datasets[d.name] = io::dataset_csv(d.data, prepared->data.framework);
    body["datasets"] = std::move(datasets);
  }
  return body;
}

Outcome<boost::json::object> index_uncertainty(const Actor& actor, const UncertaintyRequest& request) {
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
  const auto& r = result.value();
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

}  // namespace kc::app
