// Where a registry record lies, against the actor's region scope: every record belongs to a
// district (its kind declaration's region_scope), and a user scoped to a district, city or
// province sees and changes only records inside it. Records outside are answered as missing, so
// their existence is not revealed.
#pragma once

#include <cstdint>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "domain/registry_kind.hpp"
#include "store/record_store.hpp"
#include "store/region_rows.hpp"

namespace kc::app {

// Fills a record's own district field (region_scope of type region_code) when it is empty: from
// the enterprise the record references, else from the actor's scope when that is one district.
void fill_district(store::Connection& conn, const Actor& actor, const domain::KindDef& kind, store::Record& record);
// The error on the district field when the record's own district lies outside the actor's scope,
// or is missing for an actor scoped to a city or province (who must say which district). Kinds
// placed through a reference are checked by check_links, which sees only records in scope.
std::vector<FieldError> check_district(const Actor& actor, const domain::KindDef& kind, const store::Record& record);
// Whether the stored record `id` lies in the actor's scope (always, for the whole installation).
bool in_actor_scope(store::RecordStore& records, const Actor& actor, std::int64_t id);
// The same for an enterprise named by id (verdicts, programme checks, submissions).
bool enterprise_in_scope(store::Connection& conn, const Actor& actor, std::int64_t enterprise_id);

// Rows with a region of their own (local programmes, index definitions; store/region_rows.hpp).
// The rows the actor sees: inside the scope, the whole installation's (NULL) and those of the
// divisions the scope lies in (a city's programme applies to its districts).
store::RegionRows visible_rows(const Actor& actor);
// Whether the actor may change or delete a row of region `code` it sees: only rows inside its
// scope; the installation's rows (and a city's, for a district user) are for wider scopes.
bool may_change_row(const Actor& actor, const std::optional<std::string>& code);
// What a request asks of a row's region: nothing (std::nullopt: keep the row's, or the actor's
// for a new row), null (the whole installation) or a code.
using RegionChoice = std::optional<std::optional<std::string>>;
// Where a new row lies when the request does not say: the actor's scope (none: the installation).
std::optional<std::string> region_of_scope(const Actor& actor);
// The region a new or replaced row gets: the choice when the actor may place rows there (403
// region_outside_scope, or a field error on region_code for a malformed code or an installation-
// wide row asked by a scoped actor), else `current` (a new row: the actor's scope).
Outcome<std::optional<std::string>> choose_region(const Actor& actor, const RegionChoice& choice,
                                                  const std::optional<std::string>& current);

}  // namespace kc::app
