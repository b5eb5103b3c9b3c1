#include "index/pipeline.hpp"

#include "index/aggregate.hpp"
#include "index/denominate.hpp"
#include "index/impute.hpp"
#include "index/normalise.hpp"
#include "index/screen.hpp"

namespace kc::index {

const Dataset* BuildOutput::find(std::string_view name) const {
  for (const auto& d : datasets)
    if (d.name == name) return &d.data;
  return nullptr;
}

Status validate(const PipelineSpec& spec, const IndexData& data) {
  bool aggregated = false;
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const Step& s = spec.steps[i];
    const std::string where = "step " + std::to_string(i + 1) + " (" + dataset_name(s.op) + ")";
    if (aggregated)
      return make_error("spec.order", where + ": nothing can follow the aggregate step");
    switch (s.op) {
      case Op::Impute:
        if ((s.impute.method == ImputeMethod::MeanGroup ||
             s.impute.method == ImputeMethod::MedianGroup) &&
            !data.units.group(s.impute.group))
          return make_error("spec.group", where + ": group '" + s.impute.group +
                                              "' is not a group column of iData");
        if (s.impute.method == ImputeMethod::PanelLatest ||
            s.impute.method == ImputeMethod::PanelLinear)
          return make_error("spec.panel",
                            where +
                                ": panel imputation (latest/linear) needs every year; "
                                "apply it when selecting a year (select_time, --panel-impute)");
        break;
      case Op::Aggregate:
        aggregated = true;
        break;
      case Op::Normalise:
        if (s.normalise.panel_wide && !(data.panel && panel_times(*data.panel).size() >= 2))
          return make_error(
              "spec.panel_wide",
              where +
                  ": panel_wide needs panel data (several Time values) and a selected "
                  "year (--time)");
        break;
      default:
        break;
    }
  }
  return ok();
}

Result<BuildOutput> build(const IndexData& data, const PipelineSpec& spec,
                          const BuildOptions& options) {
  if (!panel_times(data).empty())
    return make_error("build.panel",
                      "iData holds several Time values: build one year at a time (select_time)");
  BuildOutput out;
  std::vector<double> meta_weights;
  std::span<const double> weights = options.weights;
  if (weights.empty()) {
    meta_weights = data.framework.weights();
    weights = meta_weights;
  }
  // Each step reads the previous dataset and writes a new one; kept datasets are moved into the
  // output rather than copied.
  out.datasets.reserve(spec.steps.size() + 1);
  Dataset scratch;
  const Dataset* current = &data.raw;
  if (options.keep_datasets) {
    out.datasets.push_back({"Raw", data.raw});
    current = &out.datasets.back().data;
  }
  bool aggregated = false;
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const Step& s = spec.steps[i];
    Result<Dataset> next = Error{};
    switch (s.op) {
      case Op::Denominate:
        next = denominate(*current, data.framework, data.units);
        break;
      case Op::Impute:
        next = impute(*current, s.impute, data.units);
        break;
      case Op::Screen: {
        ScreenReport rep;
        next = screen(*current, s.screen, &rep);
        out.screened_out = std::move(rep.removed);
        break;
      }
      case Op::Treat:
        next = treat(*current, s.treat, options.want_details ? &out.treat_details : nullptr);
        break;
      case Op::Normalise:
        next = s.normalise.panel_wide ? normalise_panel_wide(*current, data, spec, i)
                                      : normalise(*current, s.normalise, data.framework);
        break;
      case Op::Aggregate:
        next = aggregate(*current, data.framework, s.aggregate, weights);
        aggregated = true;
        break;
    }
    if (!next) {
      Error e = next.error();
      e.message = "step " + std::to_string(i + 1) + " (" + dataset_name(s.op) + "): " + e.message;
      return e;
    }
    if (aggregated && i + 1 < spec.steps.size())
      return make_error("spec.order", "step " + std::to_string(i + 2) +
                                          ": nothing can follow the aggregate step");
    if (next.value().n_units() == 0)
      return make_error("build.empty", std::string("no unit is left after ") + dataset_name(s.op));
    if (options.keep_datasets) {
      out.datasets.push_back({dataset_name(s.op), std::move(next.value())});
      current = &out.datasets.back().data;
    } else {
      scratch = std::move(next.value());
      current = &scratch;
    }
  }
  if (aggregated) out.results = results(*current, data.framework);
  if (!options.keep_datasets)
    out.datasets.push_back(
        {spec.steps.empty() ? "Raw" : dataset_name(spec.steps.back().op), *current});
  return out;
}

}  // namespace kc::index
