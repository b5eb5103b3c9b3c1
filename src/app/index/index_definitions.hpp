// Saved composite-index definitions (framework, pipeline spec and data source), so the studio
// and the district assessments built later reuse one definition instead of re-uploading it.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/registry/district_scope.hpp"
#include "store/database.hpp"

namespace kc::app {

struct IndexDefinition {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::string data_source;  // "upload" (data_csv holds iData) or "region_statistics"
  std::optional<std::string> data_csv;
  std::string meta_csv;
  std::string spec_json;
  std::string created_by, created_at, updated_at;
  std::optional<std::string> region_code;  // none: the whole installation's
  // What a save asks of region_code (district_scope.hpp); not read back.
  RegionChoice region_choice;
};

class IndexDefinitions {
 public:
  explicit IndexDefinitions(store::Database& db) : db_(db) {}
  // Definitions lie in a region as local programmes do (district_scope.hpp, visible_rows): seen
  // inside the scope, the installation's and the scope's city's or province's; others are not
  // found, and only those inside the scope may be changed (403 otherwise).
  Outcome<std::vector<IndexDefinition>> list(const Actor& actor);
  Outcome<IndexDefinition> get(const Actor& actor, std::int64_t id);
  // Validates by building the index once (with the registry's data for region_statistics).
  Outcome<IndexDefinition> save(const Actor& actor, std::optional<std::int64_t> id, IndexDefinition definition);
  Status remove(const Actor& actor, std::int64_t id);

 private:
  store::Database& db_;
};

boost::json::object definition_to_json(const IndexDefinition& d, bool with_texts);

// iData CSV of every region's statistics for `year` (units = regions, indicators = the numeric
// fields of region_statistics), and a flat default iMeta over them.
struct RegionIndexData {
  std::string data_csv;
  std::string meta_csv;
  std::size_t regions = 0;
};
Outcome<RegionIndexData> region_index_data(store::Database& db, const Actor& actor, int year);

}  // namespace kc::app
