// Treat: outlier treatment as COINr's Treat with its defaults — check skewness and kurtosis,
// winsorise up to `winmax` points, and if that is not enough, log-transform the original values
// instead.
#pragma once

#include <optional>
#include <span>

#include "index/model.hpp"
#include "index/spec.hpp"

namespace kc::index {

// COINr's check_SkewKurt: passes when |skew| < skew_t OR kurt < kurt_t. `pass` is empty when R
// would give NA (too few points or no spread), in which case the column is left untreated.
struct SkewKurt {
  std::optional<bool> pass;
  double skew = kNA;
  double kurt = kNA;
};
SkewKurt check_skew_kurt(std::span<const double> x, double skew_t, double kurt_t);

struct Winsorised {
  std::vector<double> x;
  int nwin = 0;    // points moved, counted as COINr does (ties all count)
  SkewKurt check;  // the check of the returned x
};
// `initial`, if given, is the check of x already computed by the caller (saves recomputing it).
Winsorised winsorise(std::span<const double> x, int winmax, double skew_t, double kurt_t,
                     const SkewKurt* initial = nullptr);

// log(x − min + 0.01·(max − min)) (COINr's log_CT).
std::vector<double> log_ct(std::span<const double> x);

// What happened to one indicator; stage 1 exists if it was winsorised, stage 2 if it was logged.
struct TreatDetail {
  std::string code;
  SkewKurt before;
  bool winsorised = false;
  int nwin = 0;
  SkewKurt after_winsorise;
  bool logged = false;
  SkewKurt after_log;
};

Result<Dataset> treat(const Dataset& in, const TreatSpec& spec,
                      std::vector<TreatDetail>* details = nullptr);

}  // namespace kc::index
