// Screen: drop units with too little data (COINr's Screen). A unit is kept when its share of
// present (or non-zero, or both) indicator values reaches the threshold; forced lists override.
#pragma once

#include "index/model.hpp"
#include "index/spec.hpp"

namespace kc::index {

struct ScreenReport {
  std::vector<std::string> removed;
  std::vector<double> availability;  // share of present values, per input unit
  std::vector<double> nonzero;       // share of present, non-zero values, per input unit
};

Result<Dataset> screen(const Dataset& in, const ScreenSpec& spec, ScreenReport* report = nullptr);

}  // namespace kc::index
