// Rows of local_programmes: the district's own programmes, each a definition kept as JSON text
// (parsed and checked by app/policy/programmes, so the store does not need a JSON library), each
// in a region of its own (store/region_rows.hpp; NULL: the whole installation's).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/region_rows.hpp"

namespace kc::store {

struct ProgrammeRow {
  std::int64_t id = 0;
  std::string code;
  std::string definition_json;
  std::string updated_by;
  std::string updated_at;
  std::optional<std::string> region_code;
};

class ProgrammeRepository {
 public:
  explicit ProgrammeRepository(Connection& conn) : conn_(conn) {}

  std::vector<ProgrammeRow> list(const RegionRows& visible = {});  // ordered by code
  // Nothing when there is no programme `id` or it is not among `visible`.
  std::optional<ProgrammeRow> find(std::int64_t id, const RegionRows& visible = {});
  // Returns the new id; a taken code throws DbError::Kind::unique_violation.
  std::int64_t insert(const ProgrammeRow& row);
  // Every column but the id; false when no programme has `row.id`.
  [[nodiscard]] bool update(const ProgrammeRow& row);
  [[nodiscard]] bool remove(std::int64_t id);

 private:
  Connection& conn_;
};

}  // namespace kc::store
