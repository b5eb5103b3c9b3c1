#include "index/denominate.hpp"

namespace kc::index {

Result<Dataset> denominate(const Dataset& in, const Framework& framework, const UnitData& units) {
  Dataset out = in;
  for (std::size_t c = 0; c < out.n_columns(); ++c) {
    const int row = framework.find(out.columns[c]);
    if (row < 0) continue;
    const std::string& den_code = framework.rows()[row].denominator;
    if (den_code.empty()) continue;
    const NumberColumn* den = units.denominator(den_code);
    if (!den)
      return make_error("denominate.missing", "indicator '" + out.columns[c] +
                                                  "' is denominated by '" + den_code +
                                                  "', which is not a column of iData");
    for (std::size_t u = 0; u < out.n_units(); ++u) {
      const double d = den->values[out.source_rows[u]];
      double& v = out.values[c][u];
      v = (is_na(d) || d == 0) ? kNA : v / d;
    }
  }
  return out;
}

}  // namespace kc::index
