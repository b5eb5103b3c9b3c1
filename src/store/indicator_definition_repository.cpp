#include "store/indicator_definition_repository.hpp"

namespace kc::store {
namespace {

constexpr const char* kColumns =
    "code, name_zh, name_en, unit, direction, measure, formula, basis_zh, basis_en, updated_by, updated_at";

IndicatorDefinitionRow row_of(const Row& r) {
  IndicatorDefinitionRow d;
  d.code = r.text(0);
  d.name_zh = r.text(1);
  d.name_en = r.text(2);
  d.unit = r.text(3);
  d.direction = static_cast<int>(r.integer(4));
  d.measure = r.text(5);
  d.formula = r.text(6);
  d.basis_zh = r.text(7);
  d.basis_en = r.text(8);
  d.updated_by = r.text(9);
  d.updated_at = r.text(10);
  return d;
}

}  // namespace

std::vector<IndicatorDefinitionRow> IndicatorDefinitionRepository::list() {
  std::vector<IndicatorDefinitionRow> out;
  for (const auto& r : conn_.query(std::string("SELECT ") + kColumns + " FROM indicator_definitions ORDER BY code")) {
    out.push_back(row_of(r));
  }
  return out;
}

std::optional<IndicatorDefinitionRow> IndicatorDefinitionRepository::find(const std::string& code) {
  auto r = conn_.query_one(std::string("SELECT ") + kColumns + " FROM indicator_definitions WHERE code = $1", {code});
  if (!r) return std::nullopt;
  return row_of(*r);
}

void IndicatorDefinitionRepository::save(const IndicatorDefinitionRow& d) {
  conn_.execute(std::string("INSERT INTO indicator_definitions (") + kColumns +
                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (code) DO UPDATE SET "
                 "name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit, "
                 "direction = excluded.direction, measure = excluded.measure, formula = excluded.formula, "
                 "basis_zh = excluded.basis_zh, basis_en = excluded.basis_en, updated_by = excluded.updated_by, "
                 "updated_at = excluded.updated_at",
             {d.code, d.name_zh, d.name_en, d.unit, std::int64_t{d.direction}, d.measure, d.formula, d.basis_zh,
              d.basis_en, d.updated_by, d.updated_at});
}

bool IndicatorDefinitionRepository::remove(const std::string& code) {
  return conn_.execute("DELETE FROM indicator_definitions WHERE code = $1", {code}) > 0;
}

std::optional<std::string> installation_setting(Connection& conn, const std::string& key) {
  auto r = conn.query_one("SELECT value FROM installation_settings WHERE key = $1", {key});
  if (!r) return std::nullopt;
  return r->text(0);
}

void set_installation_setting(Connection& conn, const std::string& key, const std::string& value,
                              const std::string& now) {
  conn.execute("INSERT INTO installation_settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO "
            "UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            {key, value, now});
}

}  // namespace kc::store
