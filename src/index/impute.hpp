// Impute: fill missing indicator values (COINr's Impute): by column mean or median, by the mean or
// median within a group column, or — for panel data — from the same unit's other years.
#pragma once

#include <span>

#include "index/model.hpp"
#include "index/spec.hpp"

namespace kc::index {

// Mean / Median / MeanGroup / MedianGroup. Values stay missing where nothing can fill them (a whole
// column or a whole group missing, or a unit without a group).
Result<Dataset> impute(const Dataset& in, const ImputeSpec& spec, const UnitData& units);

// Panel imputation of one indicator: `unit` and `time` give each row's unit and year. Latest fills
// a gap with the unit's most recent earlier value; Linear interpolates in time between the unit's
// neighbouring values and holds the end values constant beyond them (R's approx(rule = 2)).
std::vector<double> impute_panel(std::span<const double> x, std::span<const std::string> unit,
                                 std::span<const double> time, ImputeMethod method);

}  // namespace kc::index
