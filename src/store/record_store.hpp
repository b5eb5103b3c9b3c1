// Generic storage of registry records: one table per declared kind, created and extended from the
// declaration, and the list/get/insert/update/delete statements every kind shares.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/registry_kind.hpp"
#include "store/database.hpp"
#include "store/sql_filter.hpp"
#include "store/user_repository.hpp"

namespace kc::store {

struct Record {
  std::int64_t id = 0;
  std::vector<domain::Cell> cells;  // one per field of the kind, in declaration order
  std::string created_at;
  std::string updated_at;
};

struct RecordQuery {
  std::string q;  // substring of any searchable field
  std::vector<std::pair<std::string, domain::Cell>> equals;  // filterable field = value
  std::string sort_field;  // a field name, "id", "created_at" or "updated_at"
  bool descending = false;
  Page page;
  std::optional<std::int64_t> enterprise_id;  // data scope of an enterprise user
  std::int64_t after_id = 0;  // keyset paging for exports: only ids above this
  std::vector<std::int64_t> ids;  // only these records (the rows a user selected); empty: any
  // District scope: only records whose district code starts with these digits (2, 4 or 6 of a
  // GB/T 2260 code: a province, a city or a district); empty: every record, with or without one.
  std::string district_prefix;
};

class RecordStore {
 public:
  RecordStore(Connection& conn, const domain::KindDef& kind);

  std::vector<Record> list(const RecordQuery& query);
  std::int64_t count(const RecordQuery& query);
  std::optional<Record> get(std::int64_t id);
  // The record with the same natural key as `record`, if any.
  std::optional<Record> find_by_natural_key(const Record& record);
  // Only the id of that record: what resolving a reference needs, without reading every column.
  std::optional<std::int64_t> id_by_natural_key(const Record& record);
  bool exists(std::int64_t id);
  // Whether the record `id` exists and lies in the district scope `prefix` (see RecordQuery).
  bool exists_in(std::int64_t id, const std::string& district_prefix);
  // The district a record belongs to (kind declaration's region_scope: its own region field, or
  // the district of the record it references there); none when that is empty or missing.
  std::optional<std::string> district_of(const Record& record);
  // Calls `visit(id, keys)` for up to `limit` records with id > `after_id` in id order; `keys` has
  // the natural-key cells filled and the others NULL. Returns the last id visited (0 if none).
  std::int64_t scan_natural_keys(std::int64_t after_id, std::size_t limit,
                                 const std::function<void(std::int64_t, const Record&)>& visit);
  std::int64_t insert(const Record& record);  // returns the new id
  // Every field of `record`, by its id; false when no record has that id (deleted meanwhile), which
  // the caller must turn into its not-found answer rather than report a write that did not happen.
  [[nodiscard]] bool update(const Record& record);
  bool remove(std::int64_t id);
  // Value of the kind's enterprise-scope column for a stored record.
  std::optional<std::int64_t> enterprise_of(const Record& record) const;

 private:
  Connection& conn_;
  const domain::KindDef& kind_;
  // Statement texts built once per store rather than once per call.
  std::string select_;        // "SELECT id, …, updated_at FROM table"
  std::string insert_;        // "INSERT INTO table (…) VALUES ($1, …)"
  std::string natural_key_;   // select_ + " WHERE key1 = $1 AND …"
  std::string id_by_key_;     // "SELECT id FROM table WHERE key1 = $1 AND …"
  std::string scan_keys_;     // "SELECT id, key1, … FROM table WHERE id > $1 ORDER BY id LIMIT $2"
  std::vector<std::size_t> key_fields_;  // field indexes of the natural key
  // The reference field the kind is placed through, when it is (store/scope_district.hpp).
  std::optional<std::size_t> scope_reference_;
  bool has_dependants_ = false;  // other kinds are placed through this one's records
  // The district `record` lies in once written: its region field, or its referenced record's.
  std::optional<std::string> district_after(const Record& record);
};

// [low, high) of the region codes starting with `prefix` (a district, city or province), in
// digits only, so every collation orders them alike.
std::pair<std::string, std::string> district_range(const std::string& prefix);

// Adds to `sql` the condition that a record of `kind` lies in the district scope `prefix`: over
// the kind's own region column, or over its copy of the referenced record's district
// (store/scope_district.hpp), so every list, count and export is scoped in SQL by indexes.
void add_district_condition(SqlFilter& sql, const domain::KindDef& kind, const std::string& prefix);
// The same for a table outside the registry whose `column` holds ids of `kind`'s records
// (submissions by enterprise): the ids of records in scope.
void add_reference_in_district(SqlFilter& sql, const std::string& column, const domain::KindDef& kind,
                               const std::string& prefix);

// Inserts new records of one kind several to a statement (a multi-row VALUES list): far fewer
// statements than one INSERT per record, and on PostgreSQL far fewer round trips. For bulk imports,
// inside the caller's transaction; every record gets the same created_at/updated_at, the instant
// the appender was made. Records are written when a batch is full and by flush().
class RecordAppender {
 public:
  // Writes the cells of `fields` (field indexes; all fields when empty); the others stay NULL.
  RecordAppender(Connection& conn, const domain::KindDef& kind, std::vector<std::size_t> fields = {});
  void add(const Record& record);
  void flush();
  std::size_t pending() const { return pending_; }

 private:
  std::string statement(std::size_t rows) const;

  Connection& conn_;
  const domain::KindDef& kind_;
  std::vector<std::size_t> fields_;
  // Position in `fields_` of the reference the kind is placed through, when it is written.
  std::optional<std::size_t> scope_reference_;
  std::size_t batch_rows_;
  std::size_t pending_ = 0;
  std::string batch_sql_;  // the statement for a full batch, built once
  Params params_;          // $1 is the timestamp every row shares, then the rows' cells
};

// Creates missing registry tables, columns and indexes from the declarations. Additive only:
// a field removed from a declaration keeps its column, so no data is ever dropped here.
void sync_registry_schema(Connection& conn);

// Refreshes the query planner's statistics of every registry table (after a bulk load such as the
// demo district, so list pages get good indexes).
void analyze_registry_tables(Connection& conn);

}  // namespace kc::store
