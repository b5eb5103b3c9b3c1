// Aggregate: build each aggregate from its children, level by level (COINr's Aggregate), with the
// weighted arithmetic, geometric, harmonic or power mean, Copeland scores or the weighted median.
#pragma once

#include <span>

#include "index/model.hpp"
#include "index/spec.hpp"

namespace kc::index {

// Row-wise aggregators over one unit's children values `x` (NaN = missing, dropped with its
// weight). They return NaN when nothing is present; gmean/hmean/genmean refuse values they cannot
// take.
Result<double> aggregate_row(AggMethod method, std::span<const double> x, std::span<const double> w,
                             double p);
double weighted_median(std::span<const double> x, std::span<const double> w);
// Copeland scores of the rows of a units × children block given by columns.
std::vector<double> copeland(const std::vector<const std::vector<double>*>& columns,
                             std::span<const double> w);

// Aggregates `in` (which must contain every indicator) up the framework. `weights` has one entry
// per iMeta row (Framework::weights() or a perturbed copy). The output has the indicator and
// aggregate columns in iMeta order.
Result<Dataset> aggregate(const Dataset& in, const Framework& framework, const AggregateSpec& spec,
                          std::span<const double> weights);

}  // namespace kc::index
