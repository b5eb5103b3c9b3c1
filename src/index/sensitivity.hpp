// Saltelli variance-based sensitivity indices from the outputs of an A/B/AB_i design: first-order
// Si = mean(yB·(yAB_i − yA)) / V and total STi = Σ(yA − yAB_i)² / (2N·V) (Jansen), with V the
// variance of yA and yB together, plus bootstrap 5–95 % intervals.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kc::index {

struct VarySpec;
struct SensitivityIndex;

// Si and STi over the base rows listed in `rows` (a row may repeat: the bootstrap resamples them).
void saltelli(std::span<const double> yA, std::span<const double> yB,
              const std::vector<std::vector<double>>& yAB, std::span<const std::size_t> rows,
              std::vector<double>& si, std::vector<double>& sti);

// Point estimates over every complete row, and bootstrap quantiles from `bootstrap` resamples drawn
// from the seed (stream 3), independent of threads.
std::vector<SensitivityIndex> sensitivity_indices(const VarySpec& vary, std::span<const double> yA,
                                                  std::span<const double> yB,
                                                  const std::vector<std::vector<double>>& yAB,
                                                  std::uint64_t seed, int bootstrap);

}  // namespace kc::index
