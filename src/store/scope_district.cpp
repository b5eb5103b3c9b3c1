#include "store/scope_district.hpp"

#include <stdexcept>

#include "domain/registry_kinds.hpp"

namespace kc::store {
namespace {

const domain::FieldDef& scope_field(const domain::KindDef& kind) {
  const domain::FieldDef* f = kind.field(kind.region_scope);
  if (!f) throw std::logic_error(kind.name + " declares no district scope");
  return *f;
}

const domain::KindDef& referenced_kind(const domain::KindDef& kind) {
  return *domain::find_kind(scope_field(kind).references);
}

bool has_column(Connection& conn, const std::string& table, const std::string& column) {
  if (conn.dialect() == Dialect::sqlite) {
    return conn.query_one("SELECT 1 FROM pragma_table_info($1) WHERE name = $2", {table, column}).has_value();
  }
  return conn
      .query_one("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND "
                 "table_name = $1 AND column_name = $2",
                 {table, column})
      .has_value();
}

bool has_table(Connection& conn, const std::string& table) {
  if (conn.dialect() == Dialect::sqlite) {
    return conn.query_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1", {table}).has_value();
  }
  return conn.query_one("SELECT to_regclass($1) IS NOT NULL", {table})->integer(0) != 0;
}

// `ids` is the condition on a reference column naming the records whose dependants change
// ("= $1", or "IN (SELECT id FROM … WHERE … = $1)" a level further down).
void cascade(Connection& conn, const domain::KindDef& kind, const std::string& ids, const Params& params) {
  for (const auto* child : dependants_of(kind)) {
    const std::string in_parent = child->region_scope + " " + ids;
    conn.execute("UPDATE " + child->table + " SET " + kScopeDistrictColumn + " = $2 WHERE " + in_parent, params);
    cascade(conn, *child, "IN (SELECT id FROM " + child->table + " WHERE " + in_parent + ")", params);
  }
}

// Copies into `kind`'s column the district of each record's referenced record; `where` narrows
// the rows (appended after the reference's own condition).
void copy_referenced_districts(Connection& conn, const domain::KindDef& kind, const std::string& where) {
  const domain::KindDef& parent = referenced_kind(kind);
  const std::string ref = kind.table + "." + kind.region_scope;
  conn.execute("UPDATE " + kind.table + " SET " + kScopeDistrictColumn + " = (SELECT p." + scope_column(parent) +
               " FROM " + parent.table + " p WHERE p.id = " + ref + ") WHERE " + ref + " IS NOT NULL" + where);
}

}  // namespace

bool placed_by_reference(const domain::KindDef& kind) {
  const domain::FieldDef* f = kind.field(kind.region_scope);
  return f && f->type == domain::FieldType::reference;
}

std::string scope_column(const domain::KindDef& kind) {
  return placed_by_reference(kind) ? std::string(kScopeDistrictColumn) : scope_field(kind).name;
}

std::string referenced_district_sql(const domain::KindDef& kind, Dialect dialect, const std::string& placeholder) {
  const domain::KindDef& parent = referenced_kind(kind);
  return "(SELECT " + scope_column(parent) + " FROM " + parent.table + " WHERE id = " + placeholder +
         (dialect == Dialect::postgresql ? " FOR KEY SHARE" : "") + ")";
}

std::vector<const domain::KindDef*> dependants_of(const domain::KindDef& kind) {
  std::vector<const domain::KindDef*> out;
  for (const auto& k : domain::registry_kinds()) {
    if (placed_by_reference(k) && scope_field(k).references == kind.name) out.push_back(&k);
  }
  return out;
}

std::optional<std::optional<std::string>> district_for_update(Connection& conn, const domain::KindDef& kind,
                                                              std::int64_t id) {
  const char* lock = conn.dialect() == Dialect::postgresql ? " FOR NO KEY UPDATE" : "";
  auto row = conn.query_one("SELECT " + scope_column(kind) + " FROM " + kind.table + " WHERE id = $1" + lock, {id});
  if (!row) return std::nullopt;
  return row->is_null(0) ? std::optional<std::string>{} : std::optional<std::string>{row->text(0)};
}

void lock_for_district_change(Connection& conn, const domain::KindDef& kind, std::int64_t id) {
  // FOR UPDATE, unlike the row lock of the UPDATE itself, conflicts with key-share locks.
  if (conn.dialect() == Dialect::postgresql) conn.query("SELECT 1 FROM " + kind.table + " WHERE id = $1 FOR UPDATE", {id});
}

void cascade_district(Connection& conn, const domain::KindDef& kind, std::int64_t id, const Value& district) {
  cascade(conn, kind, "= $1", {id, district});
}

void add_scope_district_columns(Connection& conn) {
  // Registry order has every referenced kind before the kinds referencing it (their tables are
  // created in that order), so a parent placed through a reference is filled before its children.
  for (const auto& kind : domain::registry_kinds()) {
    if (!placed_by_reference(kind) || !has_table(conn, kind.table) ||
        has_column(conn, kind.table, kScopeDistrictColumn)) {
      continue;
    }
    conn.exec_script("ALTER TABLE " + kind.table + " ADD COLUMN " + kScopeDistrictColumn + " TEXT");
    copy_referenced_districts(conn, kind, "");
    // Made over the reference column before; sync_registry_schema makes them over the district.
    for (const auto& f : kind.fields) {
      if (f.filterable) conn.exec_script("DROP INDEX IF EXISTS " + kind.table + "_" + f.name + "_district");
    }
  }
}

void fill_empty_dependant_districts(Connection& conn, const domain::KindDef& kind) {
  for (const auto* child : dependants_of(kind)) {
    copy_referenced_districts(conn, *child, std::string(" AND ") + kScopeDistrictColumn + " IS NULL");
    fill_empty_dependant_districts(conn, *child);
  }
}

}  // namespace kc::store
