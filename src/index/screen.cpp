#include "index/screen.hpp"

#include <algorithm>

namespace kc::index {

Result<Dataset> screen(const Dataset& in, const ScreenSpec& spec, ScreenReport* report) {
  if (!(spec.threshold >= 0 && spec.threshold <= 1))
    return make_error("screen.threshold", "screen threshold must be between 0 and 1");
  auto listed = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (const auto& code : spec.include)
    if (listed(spec.exclude, code))
      return make_error("screen.forced", "unit '" + code + "' is both forced in and forced out");
  const std::size_t n = in.n_units(), m = in.n_columns();
  std::vector<std::size_t> keep;
  ScreenReport local;
  ScreenReport& rep = report ? *report : local;
  rep = {};
  for (std::size_t u = 0; u < n; ++u) {
    std::size_t present = 0, nonzero = 0;
    for (std::size_t c = 0; c < m; ++c) {
      const double v = in.values[c][u];
      if (!is_na(v)) ++present, nonzero += v != 0 ? 1 : 0;
    }
    const double avail = m ? static_cast<double>(present) / m : 0;
    const double nz = m ? static_cast<double>(nonzero) / m : 0;
    rep.availability.push_back(avail);
    rep.nonzero.push_back(nz);
    bool ok = true;
    if (spec.by == ScreenBy::NA || spec.by == ScreenBy::NAAndZeros)
      ok = ok && avail >= spec.threshold;
    if (spec.by == ScreenBy::Zeros || spec.by == ScreenBy::NAAndZeros)
      ok = ok && nz >= spec.threshold;
    if (listed(spec.include, in.units[u])) ok = true;
    if (listed(spec.exclude, in.units[u])) ok = false;
    if (ok)
      keep.push_back(u);
    else
      rep.removed.push_back(in.units[u]);
  }
  if (keep.size() == n) return in;
  Dataset out;
  out.columns = in.columns;
  for (std::size_t u : keep) {
    out.units.push_back(in.units[u]);
    out.source_rows.push_back(in.source_rows[u]);
  }
  out.values.assign(m, std::vector<double>(keep.size()));
  for (std::size_t c = 0; c < m; ++c)
    for (std::size_t k = 0; k < keep.size(); ++k) out.values[c][k] = in.values[c][keep[k]];
  return out;
}

}  // namespace kc::index
