#include "index/spec.hpp"

#include <array>
#include <utility>

namespace kc::index {

PipelineSpec PipelineSpec::defaults() {
  PipelineSpec s;
  Step n;
  n.op = Op::Normalise;
  Step a;
  a.op = Op::Aggregate;
  s.steps = {n, a};
  return s;
}

const char* dataset_name(Op op) {
  switch (op) {
    case Op::Denominate:
      return "Denominated";
    case Op::Impute:
      return "Imputed";
    case Op::Screen:
      return "Screened";
    case Op::Treat:
      return "Treated";
    case Op::Normalise:
      return "Normalised";
    case Op::Aggregate:
      return "Aggregated";
  }
  return "";
}

namespace {

constexpr std::array<std::pair<const char*, NormMethod>, 12> kNorm{{
    {"minmax", NormMethod::MinMax},
    {"zscore", NormMethod::ZScore},
    {"rank", NormMethod::Rank},
    {"prank", NormMethod::PRank},
    {"borda", NormMethod::Borda},
    {"dist2max", NormMethod::Dist2Max},
    {"dist2ref", NormMethod::Dist2Ref},
    {"dist2targ", NormMethod::Dist2Targ},
    {"fracmax", NormMethod::FracMax},
    {"goalposts", NormMethod::Goalposts},
    {"scaled", NormMethod::Scaled},
    {"none", NormMethod::None},
}};
constexpr std::array<std::pair<const char*, AggMethod>, 6> kAgg{{
    {"amean", AggMethod::AMean},
    {"gmean", AggMethod::GMean},
    {"hmean", AggMethod::HMean},
    {"genmean", AggMethod::GenMean},
    {"copeland", AggMethod::Copeland},
    {"wmedian", AggMethod::WMedian},
}};
// latest / linear are panel methods: they need every year, so they apply when a year is selected
// (select_time), not as a pipeline step.
constexpr std::array<std::pair<const char*, ImputeMethod>, 6> kImpute{{
    {"mean", ImputeMethod::Mean},
    {"median", ImputeMethod::Median},
    {"mean_group", ImputeMethod::MeanGroup},
    {"median_group", ImputeMethod::MedianGroup},
    {"latest", ImputeMethod::PanelLatest},
    {"linear", ImputeMethod::PanelLinear},
}};
constexpr std::array<std::pair<const char*, ScreenBy>, 3> kScreen{
    {{"NA", ScreenBy::NA}, {"zeros", ScreenBy::Zeros}, {"NA_and_zeros", ScreenBy::NAAndZeros}}};

template <class Table, class E>
bool lookup(const Table& t, const std::string& s, E& out) {
  for (const auto& [name, value] : t)
    if (s == name) return out = value, true;
  return false;
}
template <class Table, class E>
const char* name_of(const Table& t, E e) {
  for (const auto& [name, value] : t)
    if (value == e) return name;
  return "";
}

}  // namespace

const char* to_string(NormMethod m) { return name_of(kNorm, m); }
const char* to_string(AggMethod m) { return name_of(kAgg, m); }
bool parse(const std::string& s, NormMethod& out) { return lookup(kNorm, s, out); }
bool parse(const std::string& s, AggMethod& out) { return lookup(kAgg, s, out); }
bool parse(const std::string& s, ImputeMethod& out) { return lookup(kImpute, s, out); }
bool parse(const std::string& s, ScreenBy& out) { return lookup(kScreen, s, out); }

}  // namespace kc::index
