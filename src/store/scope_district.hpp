// The district column a district scope reads. Kinds placed by a region field of their own
// (enterprises, platforms, talents, …) read that field. Kinds placed through a reference
// (enterprise years lie in their enterprise's district, platform years in their platform's) get
// an internal column, `scope_district`, holding a copy of the referenced record's district, so
// a scoped list is `scope_district = ?` on an index in id order instead of a join and a sort
// (bench/scope_bench.sh). The column is the store's: it is no field of the kind's declaration,
// so no API answer, export or import carries it. The store keeps it right on every write:
// RecordStore::insert and update and RecordAppender fill it from the referenced record in the
// same statement, and a record whose district changes (an enterprise moved to another district)
// passes the new one to its dependants in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/registry_kind.hpp"
#include "store/database.hpp"

namespace kc::store {

inline constexpr const char* kScopeDistrictColumn = "scope_district";

// Whether `kind` is placed through a reference (and so has the internal column).
bool placed_by_reference(const domain::KindDef& kind);
// The column holding the district of a record of `kind`: its region field or the internal one.
std::string scope_column(const domain::KindDef& kind);
// An expression for the district of the record `placeholder` ($n, a parameter holding the id)
// of the kind `kind` references in its region_scope: a scalar subquery. On PostgreSQL it takes a
// key-share lock on that record, which a record whose district changes waits for (see
// lock_for_district_change), so no write can copy a district that a concurrent move makes stale.
std::string referenced_district_sql(const domain::KindDef& kind, Dialect dialect, const std::string& placeholder);
// The kinds placed through a reference to `kind` (enterprise years, certificates, … of enterprises).
std::vector<const domain::KindDef*> dependants_of(const domain::KindDef& kind);

// The district the record `id` of `kind` has as stored (its outer optional empty when no record
// has that id). On PostgreSQL the row is locked as the UPDATE that follows will lock it (which
// key-share locks do not conflict with), so no concurrent update changes it in between.
std::optional<std::optional<std::string>> district_for_update(Connection& conn, const domain::KindDef& kind,
                                                              std::int64_t id);
// Before a record of `kind` (one with dependants) takes another district: locks it so that a
// dependant being written meanwhile (holding its key-share lock) is committed before the
// cascade reads, and one written after waits and copies the new district. Nothing on SQLite,
// whose writers are serialised by the file lock.
void lock_for_district_change(Connection& conn, const domain::KindDef& kind, std::int64_t id);
// Writes `district` into the internal column of every dependant of the record `id` of `kind`,
// and of theirs. Inside the caller's transaction.
void cascade_district(Connection& conn, const domain::KindDef& kind, std::int64_t id, const Value& district);

// After records of `kind` were given a district by one statement over many rows (the district
// backfill, which writes only empty district fields): their dependants without a district copy
// it. Inside the caller's transaction.
void fill_empty_dependant_districts(Connection& conn, const domain::KindDef& kind);

// Adds the internal column to the existing tables of kinds placed through a reference that lack
// it, filled from the referenced records (parents first), and drops the indexes of filters beside
// the scope that were made over the reference column, for sync_registry_schema to make them over
// the district instead. Tables that do not exist yet are left to sync_registry_schema, which
// creates them with the column. Migration 12.
void add_scope_district_columns(Connection& conn);

}  // namespace kc::store
