// What to build: the pipeline steps and their parameters, in the order they run (COINr's functions
// Denominate, Impute, Screen, Treat, Normalise, Aggregate). Plain values; JSON mapping lives in
// io/.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kc::index {

enum class ImputeMethod { Mean, Median, MeanGroup, MedianGroup, PanelLatest, PanelLinear };
enum class ScreenBy { NA, Zeros, NAAndZeros };
enum class NormMethod {
  MinMax,
  ZScore,
  Rank,
  PRank,
  Borda,
  Dist2Max,
  Dist2Ref,
  Dist2Targ,
  FracMax,
  Goalposts,
  Scaled,
  None
};
enum class AggMethod { AMean, GMean, HMean, GenMean, Copeland, WMedian };

struct DenominateSpec {};

struct ImputeSpec {
  ImputeMethod method = ImputeMethod::Mean;
  std::string group;  // group column for MeanGroup / MedianGroup
};

struct ScreenSpec {
  ScreenBy by = ScreenBy::NA;
  double threshold = 2.0 / 3.0;
  std::vector<std::string> include;  // always kept
  std::vector<std::string> exclude;  // always removed
};

struct TreatSpec {
  int winmax = 5;
  double skew = 2;
  double kurt = 3.5;
  bool log_fallback = true;
  std::vector<std::string> skip;  // indicators left untreated
};

// One normalisation: method and its parameters (minmax [l,u], zscore [m,sd], scaled [l,u],
// goalposts [l,u,scale]); `ref` is the reference uCode for dist2ref.
struct NormParams {
  NormMethod method = NormMethod::MinMax;
  std::vector<double> params = {0, 100};
  std::string ref;
  bool cap_max = false;  // dist2ref / dist2targ: cap scores at 1
};

struct NormaliseSpec {
  NormParams global;
  std::vector<std::pair<std::string, NormParams>> overrides;  // per-indicator exceptions
  // Panel data: normalise over every year of the panel stacked together, then keep the selected
  // year (COINr's Normalise of a purse with global = TRUE), so scores compare across years.
  bool panel_wide = false;
};

struct AggregateSpec {
  AggMethod method = AggMethod::AMean;
  std::vector<AggMethod> by_level;   // optional: one method per level 2..L
  double p = 2;                      // power of the generalised mean
  std::optional<double> dat_thresh;  // an aggregate is NA below this share of present children
  std::vector<std::pair<std::string, double>> weights;  // per-iCode weight overrides
};

enum class Op { Denominate, Impute, Screen, Treat, Normalise, Aggregate };

struct Step {
  Op op = Op::Normalise;
  ImputeSpec impute;
  ScreenSpec screen;
  TreatSpec treat;
  NormaliseSpec normalise;
  AggregateSpec aggregate;
};

struct PipelineSpec {
  std::vector<Step> steps;
  // COINr's plain defaults: normalise minmax [0,100], then the weighted arithmetic mean.
  static PipelineSpec defaults();
};

const char* dataset_name(Op op);  // "Denominated", "Imputed", …
const char* to_string(NormMethod m);
const char* to_string(AggMethod m);
bool parse(const std::string& s, NormMethod& out);
bool parse(const std::string& s, AggMethod& out);
bool parse(const std::string& s, ImputeMethod& out);
bool parse(const std::string& s, ScreenBy& out);

}  // namespace kc::index
