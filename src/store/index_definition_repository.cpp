#include "store/index_definition_repository.hpp"

namespace kc::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, name, description, data_source, data_csv, meta_csv, spec_json, created_by, created_at, "
    "updated_at, region_code FROM index_definitions";

IndexDefinitionRow to_definition(const Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.optional_text(4), r.text(5), r.text(6),
          r.text(7),    r.text(8), r.text(9),          r.optional_text(10)};
}

Value data_of(const IndexDefinitionRow& d) { return d.data_csv ? Value{*d.data_csv} : Value{std::monostate{}}; }
Value region_of(const IndexDefinitionRow& d) { return d.region_code ? Value{*d.region_code} : Value{std::monostate{}}; }

}  // namespace

std::vector<IndexDefinitionRow> IndexDefinitionRepository::list(const RegionRows& visible) {
  Params params;
  const std::string condition = region_rows_condition("region_code", visible, params);
  std::vector<IndexDefinitionRow> out;
  for (const auto& r : conn_.query(std::string(kSelect) + (condition.empty() ? "" : " WHERE " + condition) +
                                       " ORDER BY name",
                                   params)) {
    out.push_back(to_definition(r));
  }
  return out;
}

std::optional<IndexDefinitionRow> IndexDefinitionRepository::find(std::int64_t id, const RegionRows& visible) {
  Params params{id};
  const std::string condition = region_rows_condition("region_code", visible, params);
  auto row = conn_.query_one(std::string(kSelect) + " WHERE id = $1" + (condition.empty() ? "" : " AND " + condition),
                             params);
  if (!row) return std::nullopt;
  return to_definition(*row);
}

std::int64_t IndexDefinitionRepository::insert(const IndexDefinitionRow& d) {
  return conn_
      .query_one("INSERT INTO index_definitions (name, description, data_source, data_csv, meta_csv, spec_json, "
                 "created_by, created_at, updated_at, region_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) "
                 "RETURNING id",
                 {d.name, d.description, d.data_source, data_of(d), d.meta_csv, d.spec_json, d.created_by,
                  d.updated_at, region_of(d)})
      ->integer(0);
}

bool IndexDefinitionRepository::update(const IndexDefinitionRow& d) {
  return conn_.execute("UPDATE index_definitions SET name = $2, description = $3, data_source = $4, data_csv = $5, "
                       "meta_csv = $6, spec_json = $7, updated_at = $8, region_code = $9 WHERE id = $1",
                       {d.id, d.name, d.description, d.data_source, data_of(d), d.meta_csv, d.spec_json,
                        d.updated_at, region_of(d)}) > 0;
}

bool IndexDefinitionRepository::remove(std::int64_t id) {
  return conn_.execute("DELETE FROM index_definitions WHERE id = $1", {id}) > 0;
}

}  // namespace kc::store
