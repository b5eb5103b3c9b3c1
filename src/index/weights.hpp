// Weights: iMeta's as given, effective weights (each indicator's share of the index), random
// perturbations for uncertainty analysis, and PCA weights (first principal component loadings).
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "index/model.hpp"

namespace kc::index {

// Weights rescaled to sum to 1 within each parent (one entry per iMeta row; NaN outside the tree).
std::vector<double> normalised_weights(const Framework& framework, std::span<const double> weights);

// Effective weight of every tree row: the product of the normalised weights from it up to the top.
std::vector<double> effective_weights(const Framework& framework, std::span<const double> weights);

// Noise at one level: each weight w becomes w·(1 + u), u uniform in [−factor, factor] (COINr's
// get_noisy_weights).
struct WeightNoise {
  int level = 1;
  double factor = 0.25;
};
// `uniforms` supplies one uniform in [0,1) per perturbed weight, so callers control the randomness.
std::vector<double> noisy_weights(const Framework& framework, std::span<const double> weights,
                                  std::span<const WeightNoise> noise,
                                  const std::function<double()>& uniform);

// PCA weights for the children of every aggregate at `level` (the level of the children):
// the absolute loadings of the first principal component of their correlation matrix (complete
// cases), normalised to sum to 1 within each parent. Other rows keep their weight.
Result<std::vector<double>> pca_weights(const Dataset& data, const Framework& framework,
                                        std::span<const double> weights, int level);

// Eigen-decomposition of a symmetric matrix (Jacobi): eigenvalues descending, vectors as columns.
void symmetric_eigen(std::vector<std::vector<double>> a, std::vector<double>& values,
                     std::vector<std::vector<double>>& vectors);

}  // namespace kc::index
