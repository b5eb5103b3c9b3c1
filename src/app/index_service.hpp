// Building composite indices and their uncertainty analysis for the web studio: iData/iMeta CSV
// text and a spec in, scores, ranks and diagnostics out (nothing stored).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "app/actor.hpp"
#include "app/outcome.hpp"

namespace kc::app {

struct IndexRequest {
  std::string data_csv;
  std::string meta_csv;
  std::string spec_json;  // empty: COINr's defaults (minmax [0,100], arithmetic mean)
  bool include_datasets = false;
};

struct UncertaintyRequest {
  IndexRequest index;
  std::string vary_json;
  std::size_t runs = 1000;
  std::uint64_t seed = 1;
  bool sensitivity = false;
};

Outcome<boost::json::object> build_index(const Actor& actor, const IndexRequest& request);
Outcome<boost::json::object> index_uncertainty(const Actor& actor, const UncertaintyRequest& request);

}  // namespace kc::app
