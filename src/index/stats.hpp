// Descriptive statistics with R's conventions: NaN is missing and dropped, skewness and kurtosis
// are type 2 (as Excel and e1071), quantiles are type 7, ranks put ties at their minimum ("sport").
#pragma once

#include <span>
#include <vector>

namespace kc::index::stats {

std::vector<double> present(std::span<const double> x);  // the non-missing values, in order
std::size_t count_present(std::span<const double> x);
double min(std::span<const double> x);  // NaN if nothing present
double max(std::span<const double> x);
double mean(std::span<const double> x);
double median(std::span<const double> x);
double sd(std::span<const double> x);    // sample sd (n − 1); NaN if fewer than 2 present
double skew(std::span<const double> x);  // NaN if fewer than 3 present
double kurt(std::span<const double> x);  // NaN if fewer than 4 present
// Skewness and kurtosis together in two passes over x (what the outlier check needs, often).
struct Shape {
  double skew;
  double kurt;
};
Shape shape(std::span<const double> x);
// Type 7 quantile of already sorted, non-missing values.
double quantile_sorted(std::span<const double> sorted, double p);
double quantile(std::span<const double> x, double p);
// rank(x, ties.method = "min", na.last = "keep"): 1 = smallest.
std::vector<double> min_rank(std::span<const double> x);
// Sport ranks rank(-x, ties = "min"): 1 = largest; NaN stays NaN.
std::vector<double> sport_rank(std::span<const double> x);
// Pearson correlation over the pairs where both are present; NaN if fewer than 2 pairs or no
// spread.
double pearson(std::span<const double> x, std::span<const double> y);

}  // namespace kc::index::stats
