#include "store/record_store.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "store/scope_district.hpp"
#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

using domain::FieldType;

bool stored_as_integer(FieldType t) {
  return t == FieldType::integer || domain::is_scaled_decimal(t) || t == FieldType::boolean ||
         t == FieldType::reference;
}

std::string column_type(const domain::FieldDef& f) {
  if (f.type == FieldType::reference) {
    const auto* target = domain::find_kind(f.references);
    return "BIGINT REFERENCES " + target->table + " (id)";
  }
  return stored_as_integer(f.type) ? "BIGINT" : "TEXT";
}

Value to_value(const domain::Cell& cell) {
  if (auto n = std::get_if<std::int64_t>(&cell)) return *n;
  if (auto s = std::get_if<std::string>(&cell)) return *s;
  return std::monostate{};
}

domain::Cell to_cell(const domain::FieldDef& f, const Row& row, std::size_t i) {
  if (row.is_null(i)) return domain::Cell{};
  if (stored_as_integer(f.type)) return domain::Cell{row.integer(i)};
  return domain::Cell{row.text(i)};
}

std::string select_columns(const domain::KindDef& k) {
  std::string cols = "id";
  for (const auto& f : k.fields) cols += ", " + f.name;
  return cols + ", created_at, updated_at";
}

Record to_record(const domain::KindDef& k, const Row& row) {
  Record r;
  r.id = row.integer(0);
  for (std::size_t i = 0; i < k.fields.size(); ++i) r.cells.push_back(to_cell(k.fields[i], row, i + 1));
  r.created_at = row.text(k.fields.size() + 1);
  r.updated_at = row.text(k.fields.size() + 2);
  return r;
}


// How a city's or a province's prefix is matched (a district's code is always an equality).
enum class PrefixMatch {
  range,   // code >= prefix AND code < prefix+1: uses the region index
  substr,  // substr(code, 1, n) = prefix: no index seek, the scan stays in rowid order
};

// The condition text with "?" for its parameters, appended to `values`. A kind placed through a
// reference reads its copy of the referenced record's district (store/scope_district.hpp), so
// every kind's scope is a condition on one column of its own table.
std::string district_condition(const domain::KindDef& kind, const std::string& prefix, std::vector<Value>& values,
                               PrefixMatch match = PrefixMatch::range) {
  const std::string column = scope_column(kind);
  // A whole code (a district) is an equality, not a one-code range: SQLite reads the region
  // index in rowid order for `=`, so `ORDER BY id LIMIT n` stops after n rows instead of sorting
  // the district; a range makes it sort (bench/scope_bench.sh), and its planner has no row
  // estimate for ranges (no STAT4), only for `=` (sqlite_stat1).
  if (prefix.size() == 6) {
    values.emplace_back(prefix);
    return column + " = ?";
  }
  if (match == PrefixMatch::substr) {
    values.emplace_back(prefix);
    return "substr(" + column + ", 1, " + std::to_string(prefix.size()) + ") = ?";
  }
  auto [low, high] = district_range(prefix);
  values.emplace_back(std::move(low));
  values.emplace_back(std::move(high));
  return column + " >= ? AND " + column + " < ?";
}

// A page of records in a city or a province. SQLite estimates no rows for a range (no STAT4),
// so it reads the whole prefix through the region index and sorts it for `ORDER BY id LIMIT n`,
// although a city usually holds most of the records: 12× the unscoped page at 100,000
// enterprises (bench/scope_bench.sh). With no index for the condition, it scans in rowid order
// and stops after the page. A count of the whole scope keeps the range (it reads the covering
// region index either way, and the range needs no substr() per entry); beside another condition
// (town = ?), the range would again win the planner's choice over that condition's index and
// read the whole city. PostgreSQL has a histogram for the range and chooses for itself.
PrefixMatch page_prefix_match(Dialect dialect) {
  return dialect == Dialect::sqlite ? PrefixMatch::substr : PrefixMatch::range;
}

PrefixMatch count_prefix_match(Dialect dialect, const RecordQuery& q) {
  const bool scope_only = q.q.empty() && q.equals.empty() && !q.enterprise_id && q.after_id <= 0 && q.ids.empty();
  return scope_only ? PrefixMatch::range : page_prefix_match(dialect);
}

SqlFilter where_of(const domain::KindDef& k, const RecordQuery& q, PrefixMatch match) {
  SqlFilter sql;
  if (!q.q.empty()) {
    std::vector<std::string> searchable;
    for (const auto& f : k.fields) {
      if (f.searchable) searchable.push_back(f.name);
    }
    sql.contains_any(searchable, q.q);
  }
  for (const auto& [field, cell] : q.equals) {
    if (std::holds_alternative<std::monostate>(cell)) sql.add_raw(field + " IS NULL");
    else sql.add(field + " = ?", to_value(cell));
  }
  if (q.enterprise_id) sql.add(k.enterprise_scope + " = ?", *q.enterprise_id);
  if (q.after_id > 0) sql.add("id > ?", q.after_id);
  sql.in("id", q.ids);
  if (!q.district_prefix.empty()) {
    std::vector<Value> values;
    std::string condition = district_condition(k, q.district_prefix, values, match);
    sql.add(condition, std::move(values));
  }
  return sql;
}

std::set<std::string> existing_columns(Connection& conn, const std::string& table) {
  std::set<std::string> out;
  if (conn.dialect() == Dialect::sqlite) {
    for (const auto& row : conn.query("SELECT name FROM pragma_table_info($1)", {table})) out.insert(row.text(0));
  } else {
    for (const auto& row : conn.query("SELECT column_name FROM information_schema.columns WHERE "
                                      "table_schema = current_schema() AND table_name = $1",
                                      {table})) {
      out.insert(row.text(0));
    }
  }
  return out;
}

}  // namespace

// The codes c with low <= c < high are those starting with `prefix` (codes are digits only, of
// one length): high is the prefix plus one in its last digit, carried ("3309" → "3310").
std::pair<std::string, std::string> district_range(const std::string& prefix) {
  std::string high = prefix;
  for (std::size_t i = high.size(); i-- > 0;) {
    if (high[i] < '9') {
      ++high[i];
      return {prefix, high};
    }
    high[i] = '0';
  }
  return {prefix, "~"};  // all nines: no code is greater than "~" in any collation of digits
}

void add_district_condition(SqlFilter& sql, const domain::KindDef& kind, const std::string& prefix) {
  std::vector<Value> values;
  const std::string condition = district_condition(kind, prefix, values);
  sql.add(condition, std::move(values));
}

void add_reference_in_district(SqlFilter& sql, const std::string& column, const domain::KindDef& kind,
                               const std::string& prefix) {
  std::vector<Value> values;
  const std::string condition = district_condition(kind, prefix, values);
  sql.add(column + " IN (SELECT id FROM " + kind.table + " WHERE " + condition + ")", std::move(values));
}

RecordStore::RecordStore(Connection& conn, const domain::KindDef& kind) : conn_(conn), kind_(kind) {
  select_ = "SELECT " + select_columns(kind_) + " FROM " + kind_.table;
  std::string cols, marks;
  for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
    cols += kind_.fields[i].name + ", ";
    marks += "$" + std::to_string(i + 1) + ", ";
  }
  const std::size_t n = kind_.fields.size();
  if (placed_by_reference(kind_)) {
    // The district is copied from the referenced record in the same statement.
    scope_reference_ = kind_.index_of(kind_.region_scope);
    cols += std::string(kScopeDistrictColumn) + ", ";
    marks += referenced_district_sql(kind_, conn_.dialect(), "$" + std::to_string(*scope_reference_ + 1)) + ", ";
  }
  insert_ = "INSERT INTO " + kind_.table + " (" + cols + "created_at, updated_at) VALUES (" + marks + "$" +
            std::to_string(n + 1) + ", $" + std::to_string(n + 2) + ")";
  has_dependants_ = !dependants_of(kind_).empty();
  std::string where;
  for (const auto& name : kind_.natural_key) {
    for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
      if (kind_.fields[i].name == name) {
        key_fields_.push_back(i);
        // A key field a record may leave empty (a platform's district) matches NULL as a value.
        const std::string param = "$" + std::to_string(key_fields_.size());
        const std::string same = kind_.fields[i].required ? " = " + param
                                 : conn_.dialect() == Dialect::sqlite ? " IS " + param
                                                                      : " IS NOT DISTINCT FROM " + param;
        where += std::string(where.empty() ? " WHERE " : " AND ") + name + same;
      }
    }
  }
  natural_key_ = select_ + where;
  id_by_key_ = "SELECT id FROM " + kind_.table + where;
  std::string key_cols;
  for (auto i : key_fields_) key_cols += ", " + kind_.fields[i].name;
  scan_keys_ = "SELECT id" + key_cols + " FROM " + kind_.table + " WHERE id > $1 ORDER BY id LIMIT $2";
}

std::vector<Record> RecordStore::list(const RecordQuery& q) {
  auto sql = where_of(kind_, q, page_prefix_match(conn_.dialect()));
  std::string order = "id";
  if (!q.sort_field.empty()) order = q.sort_field;  // validated against the kind by the caller
  const std::string limit = sql.next_placeholder();
  const std::string offset = "$" + std::to_string(sql.params().size() + 2);
  auto rows = conn_.query("SELECT " + select_columns(kind_) + " FROM " + kind_.table + sql.where() +
                              " ORDER BY " + order + (q.descending ? " DESC" : " ASC") +
                              (order == "id" ? "" : std::string(", id") + (q.descending ? " DESC" : " ASC")) +
                              " LIMIT " + limit + " OFFSET " + offset,
                          sql.params_with({std::int64_t{q.page.page_size}, std::int64_t{q.page.offset()}}));
  std::vector<Record> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(to_record(kind_, row));
  return out;
}

std::int64_t RecordStore::count(const RecordQuery& q) {
  auto sql = where_of(kind_, q, count_prefix_match(conn_.dialect(), q));
  return conn_.query_one("SELECT COUNT(*) FROM " + kind_.table + sql.where(), sql.params())->integer(0);
}

std::optional<Record> RecordStore::get(std::int64_t id) {
  auto row = conn_.query_one(select_ + " WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return to_record(kind_, *row);
}

std::optional<Record> RecordStore::find_by_natural_key(const Record& record) {
  Params params;
  for (auto i : key_fields_) params.push_back(to_value(record.cells[i]));
  auto row = conn_.query_one(natural_key_, params);
  if (!row) return std::nullopt;
  return to_record(kind_, *row);
}

std::optional<std::int64_t> RecordStore::id_by_natural_key(const Record& record) {
  Params params;
  for (auto i : key_fields_) params.push_back(to_value(record.cells[i]));
  auto row = conn_.query_one(id_by_key_, params);
  if (!row) return std::nullopt;
  return row->integer(0);
}

bool RecordStore::exists(std::int64_t id) {
  return conn_.query_one("SELECT 1 FROM " + kind_.table + " WHERE id = $1", {id}).has_value();
}

bool RecordStore::exists_in(std::int64_t id, const std::string& district_prefix) {
  SqlFilter sql;
  sql.add("id = ?", id);
  if (!district_prefix.empty()) add_district_condition(sql, kind_, district_prefix);
  return conn_.query_one("SELECT 1 FROM " + kind_.table + sql.where(), sql.params()).has_value();
}

std::optional<std::string> RecordStore::district_of(const Record& r) {
  const std::size_t i = kind_.index_of(kind_.region_scope);
  if (i >= kind_.fields.size()) return std::nullopt;
  const domain::FieldDef& f = kind_.fields[i];
  if (f.type == domain::FieldType::region_code) {
    if (auto code = std::get_if<std::string>(&r.cells[i])) return *code;
    return std::nullopt;
  }
  const auto* parent_id = std::get_if<std::int64_t>(&r.cells[i]);
  if (!parent_id) return std::nullopt;
  RecordStore parent(conn_, *domain::find_kind(f.references));
  auto record = parent.get(*parent_id);
  return record ? parent.district_of(*record) : std::nullopt;
}

std::int64_t RecordStore::scan_natural_keys(std::int64_t after_id, std::size_t limit,
                                            const std::function<void(std::int64_t, const Record&)>& visit) {
  Record keys;
  keys.cells.resize(kind_.fields.size());
  std::int64_t last = 0;
  for (const auto& row : conn_.query(scan_keys_, {after_id, static_cast<std::int64_t>(limit)})) {
    last = row.integer(0);
    for (std::size_t k = 0; k < key_fields_.size(); ++k) {
      keys.cells[key_fields_[k]] = to_cell(kind_.fields[key_fields_[k]], row, k + 1);
    }
    keys.id = last;
    visit(last, keys);
  }
  return last;
}

std::int64_t RecordStore::insert(const Record& r) {
  Params params;
  params.reserve(kind_.fields.size() + 2);
  for (std::size_t i = 0; i < kind_.fields.size(); ++i) params.push_back(to_value(r.cells[i]));
  const std::string now = domain::to_iso_utc(domain::now_epoch_seconds());
  params.push_back(now);
  params.push_back(now);
  return conn_.query_one(insert_ + " RETURNING id", params)->integer(0);
}

bool RecordStore::update(const Record& r) {
  std::string sets;
  Params params{r.id};
  for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
    params.push_back(to_value(r.cells[i]));
    sets += kind_.fields[i].name + " = $" + std::to_string(params.size()) + ", ";
  }
  if (scope_reference_) {
    sets += std::string(kScopeDistrictColumn) + " = " +
            referenced_district_sql(kind_, conn_.dialect(), "$" + std::to_string(*scope_reference_ + 2)) + ", ";
  }
  params.push_back(domain::to_iso_utc(domain::now_epoch_seconds()));
  const std::string sql = "UPDATE " + kind_.table + " SET " + sets + "updated_at = $" + std::to_string(params.size()) +
                          " WHERE id = $1";
  if (!has_dependants_) return conn_.execute(sql, params) > 0;
  // A record others are placed through (an enterprise): when its district changes, theirs does.
  const auto old_district = district_for_update(conn_, kind_, r.id);
  if (!old_district) return false;
  const std::optional<std::string> new_district = district_after(r);
  if (*old_district == new_district) return conn_.execute(sql, params) > 0;
  lock_for_district_change(conn_, kind_, r.id);
  if (conn_.execute(sql, params) == 0) return false;
  cascade_district(conn_, kind_, r.id, new_district ? Value{*new_district} : Value{});
  return true;
}

std::optional<std::string> RecordStore::district_after(const Record& r) {
  const std::size_t i = kind_.index_of(kind_.region_scope);
  if (i >= kind_.fields.size()) return std::nullopt;
  if (!scope_reference_) {
    if (auto code = std::get_if<std::string>(&r.cells[i])) return *code;
    return std::nullopt;
  }
  const auto* parent_id = std::get_if<std::int64_t>(&r.cells[i]);
  if (!parent_id) return std::nullopt;
  const domain::KindDef& parent = *domain::find_kind(kind_.fields[i].references);
  auto row = conn_.query_one("SELECT " + scope_column(parent) + " FROM " + parent.table + " WHERE id = $1", {*parent_id});
  if (!row || row->is_null(0)) return std::nullopt;
  return row->text(0);
}

bool RecordStore::remove(std::int64_t id) {
  return conn_.execute("DELETE FROM " + kind_.table + " WHERE id = $1", {id}) > 0;
}

std::optional<std::int64_t> RecordStore::enterprise_of(const Record& r) const {
  if (kind_.enterprise_scope.empty()) return std::nullopt;
  if (kind_.enterprise_scope == "id") return r.id;
  for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
    if (kind_.fields[i].name == kind_.enterprise_scope) {
      if (auto n = std::get_if<std::int64_t>(&r.cells[i])) return *n;
    }
  }
  return std::nullopt;
}

RecordAppender::RecordAppender(Connection& conn, const domain::KindDef& kind, std::vector<std::size_t> fields)
    : conn_(conn), kind_(kind), fields_(std::move(fields)) {
  if (fields_.empty()) {
    for (std::size_t i = 0; i < kind_.fields.size(); ++i) fields_.push_back(i);
  }
  // Without the reference the district stays NULL, as the reference does.
  if (placed_by_reference(kind_)) {
    const auto at = std::find(fields_.begin(), fields_.end(), kind_.index_of(kind_.region_scope));
    if (at != fields_.end()) scope_reference_ = static_cast<std::size_t>(at - fields_.begin());
  }
  // About 4,000 parameters a statement: well inside SQLite's (32,766) and PostgreSQL's (65,535)
  // limits, and enough rows that the per-statement cost no longer shows.
  batch_rows_ = std::clamp<std::size_t>(4000 / (fields_.size() + 1), 1, 256);
  batch_sql_ = statement(batch_rows_);
  params_.reserve(1 + batch_rows_ * fields_.size());
  params_.push_back(domain::to_iso_utc(domain::now_epoch_seconds()));
}

std::string RecordAppender::statement(std::size_t rows) const {
  std::string sql = "INSERT INTO " + kind_.table + " (";
  for (auto i : fields_) sql += kind_.fields[i].name + ", ";
  if (scope_reference_) sql += std::string(kScopeDistrictColumn) + ", ";
  sql += "created_at, updated_at) VALUES ";
  std::size_t n = 2;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    const std::size_t first = n;
    for (std::size_t k = 0; k < fields_.size(); ++k) sql += "$" + std::to_string(n++) + ", ";
    // Each row copies its referenced record's district, read by its reference's parameter.
    if (scope_reference_) {
      sql += referenced_district_sql(kind_, conn_.dialect(), "$" + std::to_string(first + *scope_reference_)) + ", ";
    }
    sql += "$1, $1)";
  }
  return sql;
}

void RecordAppender::add(const Record& r) {
  for (auto i : fields_) params_.push_back(to_value(r.cells[i]));
  if (++pending_ == batch_rows_) flush();
}

void RecordAppender::flush() {
  if (pending_ == 0) return;
  conn_.execute(pending_ == batch_rows_ ? batch_sql_ : statement(pending_), params_);
  params_.resize(1);
  pending_ = 0;
}

void sync_registry_schema(Connection& conn) {
  const std::string id_column = conn.dialect() == Dialect::sqlite
                                    ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                    : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  for (const auto& kind : domain::registry_kinds()) {
    const auto columns = existing_columns(conn, kind.table);
    if (columns.empty()) {
      std::string ddl = "CREATE TABLE " + kind.table + " (id " + id_column;
      for (const auto& f : kind.fields) ddl += ", " + f.name + " " + column_type(f);
      if (placed_by_reference(kind)) ddl += std::string(", ") + kScopeDistrictColumn + " TEXT";
      ddl += ", created_at TEXT NOT NULL, updated_at TEXT NOT NULL)";
      conn.exec_script(ddl);
    } else {
      for (const auto& f : kind.fields) {
        if (!columns.contains(f.name)) {
          conn.exec_script("ALTER TABLE " + kind.table + " ADD COLUMN " + f.name + " " + column_type(f));
        }
      }
      // A kind placed through a reference since migration 12 (which gave the others theirs).
      if (placed_by_reference(kind) && !columns.contains(kScopeDistrictColumn)) add_scope_district_columns(conn);
    }
    if (!kind.natural_key.empty()) {
      std::string cols;
      for (const auto& name : kind.natural_key) cols += (cols.empty() ? "" : ", ") + name;
      conn.exec_script("CREATE UNIQUE INDEX IF NOT EXISTS " + kind.table + "_natural_key ON " + kind.table +
                       " (" + cols + ")");
    }
    // The column a district scope reads (its own region code, or its copy of the referenced
    // record's district). On SQLite every index ends in the rowid, so `scope = ?` reads a district
    // in id order; PostgreSQL needs the id in the index for that (an `ORDER BY id LIMIT n` that
    // stops after the page instead of sorting the district).
    const bool scoped = kind.field(kind.region_scope) != nullptr;
    const std::string scope = scoped ? scope_column(kind) : "";
    const std::string in_id_order = conn.dialect() == Dialect::postgresql ? ", id" : "";
    if (placed_by_reference(kind)) {
      conn.exec_script("CREATE INDEX IF NOT EXISTS " + kind.table + "_" + kScopeDistrictColumn + " ON " + kind.table +
                       " (" + kScopeDistrictColumn + in_id_order + ")");
    }
    for (const auto& f : kind.fields) {
      if (f.filterable && !(kind.natural_key.size() == 1 && kind.natural_key[0] == f.name)) {
        conn.exec_script("CREATE INDEX IF NOT EXISTS " + kind.table + "_" + f.name + " ON " + kind.table +
                         " (" + f.name + ")");
        // A filter inside a district scope (town = ? in 330205) is answered from the index alone
        // instead of reading every matching row to check its district (bench/scope_bench.sh). Not
        // for the reference a kind is placed through: it implies the district.
        if (scoped && f.name != kind.region_scope) {
          conn.exec_script("CREATE INDEX IF NOT EXISTS " + kind.table + "_" + f.name + "_district ON " + kind.table +
                           " (" + f.name + ", " + scope + (placed_by_reference(kind) ? in_id_order : "") + ")");
        }
      }
    }
  }
}

void analyze_registry_tables(Connection& conn) {
  for (const auto& kind : domain::registry_kinds()) conn.exec_script("ANALYZE " + kind.table);
}

}  // namespace kc::store
