// Normalise: bring indicators onto a common scale (COINr's Normalise). Values are multiplied by
// their Direction first, so a −1 indicator's best (lowest) value scores highest.
#pragma once

#include <span>

#include "index/model.hpp"
#include "index/spec.hpp"

namespace kc::index {

// Normalises one column already multiplied by its direction. `target` (dist2targ) is in the
// original units and direction; `ref_row` is the dist2ref reference unit's row (or −1).
Status normalise_column(std::vector<double>& x, const NormParams& p, double direction,
                        double target, int ref_row);

// Normalises every column of `in` that is an indicator or aggregate of the framework.
Result<Dataset> normalise(const Dataset& in, const NormaliseSpec& spec, const Framework& framework);

}  // namespace kc::index
