// iData / iMeta CSV in COINr's conventions (empty cell or NA = missing) to the index engine's data,
// and the engine's datasets and results back to CSV (17 significant digits, empty for missing).
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "index/model.hpp"
#include "index/pipeline.hpp"
#include "index/uncertainty.hpp"

namespace kc::io {

// iData and iMeta are each held whole while they are read (and the engine copies every cell into
// several datasets), so both are capped: 16,384 fields a row, 2,000,000 cells a file. Refusals
// keep the CSV reader's codes and params (csv.too_many_fields, csv.too_many_cells).
inline constexpr std::size_t kMaxIndexCsvCells = 2'000'000;

domain::Result<std::vector<index::MetaRow>> parse_imeta(std::string_view csv_text);
domain::Result<index::IndexData> parse_index_csv(std::string_view idata_text,
                                                 std::string_view imeta_text);
domain::Result<index::IndexData> read_index_csv(const std::string& idata_path,
                                                const std::string& imeta_path);

// A number cell: empty or "NA" is missing; anything else must parse completely.
domain::Result<double> parse_number_cell(std::string_view cell);
// %.17g; empty for missing; Inf / -Inf as R writes them.
std::string format_number(double v);

// uCode first, then the dataset's columns in iMeta order.
std::string dataset_csv(const index::Dataset& data, const index::Framework& framework);
// uCode, every aggregate's score (top level first), Rank of the index; sorted by rank.
std::string results_csv(const index::Results& results);
std::string treat_details_csv(const std::vector<index::TreatDetail>& details);

// Writes every dataset as DIR/<name>.csv, results.csv and (if treated) treat_details.csv.
domain::Status write_build_outputs(const std::string& dir, const index::BuildOutput& out,
                                   const index::Framework& framework);

// uCode,Nominal,Mean,Median,Q5,Q95 (units in nominal rank order).
std::string rank_stats_csv(const index::RankStats& stats);
// factor,Si,STi,Si_q5,Si_q95,STi_q5,STi_q95.
std::string sensitivity_csv(const std::vector<index::SensitivityIndex>& indices);

// rank_stats.csv and, if the analysis had a sensitivity part, sensitivity.csv.
domain::Status write_uncertainty_outputs(const std::string& dir,
                                         const index::UncertaintyResult& result, bool sensitivity);

}  // namespace kc::io
