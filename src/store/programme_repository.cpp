#include "store/programme_repository.hpp"

namespace kc::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, code, definition_json, updated_by, updated_at, region_code FROM local_programmes";

ProgrammeRow to_programme(const Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.optional_text(5)};
}

Value region_of(const ProgrammeRow& p) { return p.region_code ? Value{*p.region_code} : Value{std::monostate{}}; }

}  // namespace

std::vector<ProgrammeRow> ProgrammeRepository::list(const RegionRows& visible) {
  Params params;
  const std::string condition = region_rows_condition("region_code", visible, params);
  std::vector<ProgrammeRow> out;
  for (const auto& r : conn_.query(std::string(kSelect) + (condition.empty() ? "" : " WHERE " + condition) +
                                       " ORDER BY code",
                                   params)) {
    out.push_back(to_programme(r));
  }
  return out;
}

std::optional<ProgrammeRow> ProgrammeRepository::find(std::int64_t id, const RegionRows& visible) {
  Params params{id};
  const std::string condition = region_rows_condition("region_code", visible, params);
  auto row = conn_.query_one(std::string(kSelect) + " WHERE id = $1" + (condition.empty() ? "" : " AND " + condition),
                             params);
  if (!row) return std::nullopt;
  return to_programme(*row);
}

std::int64_t ProgrammeRepository::insert(const ProgrammeRow& p) {
  return conn_
      .query_one("INSERT INTO local_programmes (code, definition_json, updated_by, updated_at, region_code) "
                 "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                 {p.code, p.definition_json, p.updated_by, p.updated_at, region_of(p)})
      ->integer(0);
}

bool ProgrammeRepository::update(const ProgrammeRow& p) {
  return conn_.execute("UPDATE local_programmes SET code = $2, definition_json = $3, updated_by = $4, "
                       "updated_at = $5, region_code = $6 WHERE id = $1",
                       {p.id, p.code, p.definition_json, p.updated_by, p.updated_at, region_of(p)}) > 0;
}

bool ProgrammeRepository::remove(std::int64_t id) {
  return conn_.execute("DELETE FROM local_programmes WHERE id = $1", {id}) > 0;
}

}  // namespace kc::store
