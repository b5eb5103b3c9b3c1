#include "store/district_backfill.hpp"

#include "domain/registry_kinds.hpp"
#include "store/scope_district.hpp"

namespace kc::store {
namespace {

std::int64_t count(Connection& conn, const std::string& sql) {
  auto row = conn.query_one(sql);
  return row && !row->is_null(0) ? row->integer(0) : 0;
}

}  // namespace

std::map<std::string, BackfillCount> backfill_districts(Connection& conn, const std::optional<std::string>& fallback,
                                                        bool dry_run) {
  std::map<std::string, BackfillCount> out;
  const auto& enterprises = *domain::find_kind("enterprises");
  for (const auto& kind : domain::registry_kinds()) {
    const domain::FieldDef* district = kind.field(kind.region_scope);
    if (!district || district->type != domain::FieldType::region_code || kind.name == "enterprises" ||
        kind.name == "region_statistics") {
      continue;
    }
    const std::string empty = kind.table + " WHERE " + district->name + " IS NULL";
    BackfillCount c;
    const domain::FieldDef* owner = kind.field(kind.enterprise_scope);
    if (owner && owner->references == "enterprises") {
      const std::string placed = " AND " + owner->name + " IN (SELECT id FROM " + enterprises.table +
                                 " WHERE region_code IS NOT NULL)";
      c.from_enterprise = count(conn, "SELECT COUNT(*) FROM " + empty + placed);
      if (!dry_run && c.from_enterprise > 0) {
        conn.execute("UPDATE " + kind.table + " SET " + district->name + " = (SELECT e.region_code FROM " +
                     enterprises.table + " e WHERE e.id = " + kind.table + "." + owner->name + ") WHERE " +
                     district->name + " IS NULL" + placed);
      }
    }
    const std::int64_t rest = count(conn, "SELECT COUNT(*) FROM " + empty) - (dry_run ? c.from_enterprise : 0);
    if (fallback && rest > 0) {
      c.by_default = rest;
      if (!dry_run) {
        conn.execute("UPDATE " + kind.table + " SET " + district->name + " = $1 WHERE " + district->name + " IS NULL",
                     {*fallback});
      }
    } else {
      c.left = rest;
    }
    // Platform years and residents lie in their platform's district, copied (scope_district.hpp).
    if (!dry_run && c.from_enterprise + c.by_default > 0) fill_empty_dependant_districts(conn, kind);
    out[kind.name] = c;
  }
  return out;
}

}  // namespace kc::store
