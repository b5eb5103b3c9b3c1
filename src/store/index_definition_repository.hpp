// Rows of index_definitions: the index studio's saved frameworks, pipeline specs and data, each
// in a region of its own (store/region_rows.hpp; NULL: the whole installation's).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/region_rows.hpp"

namespace kc::store {

struct IndexDefinitionRow {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::string data_source;
  std::optional<std::string> data_csv;  // NULL when the data come from the registry
  std::string meta_csv;
  std::string spec_json;
  std::string created_by, created_at, updated_at;
  std::optional<std::string> region_code;
};

class IndexDefinitionRepository {
 public:
  explicit IndexDefinitionRepository(Connection& conn) : conn_(conn) {}

  std::vector<IndexDefinitionRow> list(const RegionRows& visible = {});  // ordered by name
  // Nothing when there is no definition `id` or it is not among `visible`.
  std::optional<IndexDefinitionRow> find(std::int64_t id, const RegionRows& visible = {});
  // Writes every column but the id; created_at and updated_at are both `row.updated_at`. Returns
  // the new id; a taken name throws DbError::Kind::unique_violation.
  std::int64_t insert(const IndexDefinitionRow& row);
  // Every column but the id and the creation's (the region included); false when no definition has `row.id`.
  [[nodiscard]] bool update(const IndexDefinitionRow& row);
  [[nodiscard]] bool remove(std::int64_t id);

 private:
  Connection& conn_;
};

}  // namespace kc::store
