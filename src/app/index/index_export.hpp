// The index studio's XLSX downloads: a build (results, every dataset, treatment, statistics,
// correlations, alpha, framework) and an uncertainty analysis (rank statistics, sensitivity).
// Numbers are written as numbers, missing values as empty cells.
#pragma once

#include <filesystem>

#include "app/index/index_service.hpp"
#include "domain/result.hpp"

namespace kc::app {

// Sheets: Results (uCode, aggregates top level first, Rank; rows by rank), one per dataset the
// spec produced (Raw … Aggregated), Treatment, Statistics, Correlations, Alpha, Framework.
// `build` must carry its analysis (run_index_build with force_analysis).
domain::Status write_index_build_xlsx(const IndexBuild& build, const std::filesystem::path& path);

// Sheets: RankStats (uCode, Nominal, Mean, Median, Q5, Q95; rows by nominal rank) and, when the
// analysis computed it, Sensitivity (factor, Si, STi and their 5–95 % bootstrap bounds).
domain::Status write_index_uncertainty_xlsx(const IndexUncertainty& result,
                                            const std::filesystem::path& path);

}  // namespace kc::app
