// Generic storage of registry records: one table per declared kind, created and extended from the
// declaration, and the list/get/insert/update/delete statements every kind shares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/registry_kind.hpp"
#include "store/database.hpp"
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
};

class RecordStore {
 public:
  RecordStore(Connection& conn, const domain::KindDef& kind);

  std::vector<Record> list(const RecordQuery& query);
  std::int64_t count(const RecordQuery& query);
  std::optional<Record> get(std::int64_t id);
  // The record with the same natural key as `record`, if any.
  std::optional<Record> find_by_natural_key(const Record& record);
  std::int64_t insert(const Record& record);  // returns the new id
  // The same without asking for the id back (no RETURNING), for bulk imports.
  void append(const Record& record);
  void update(const Record& record);
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
  std::vector<std::size_t> key_fields_;  // field indexes of the natural key
};

// Creates missing registry tables, columns and indexes from the declarations. Additive only:
// a field removed from a declaration keeps its column, so no data is ever dropped here.
void sync_registry_schema(Connection& conn);

}  // namespace kc::store
