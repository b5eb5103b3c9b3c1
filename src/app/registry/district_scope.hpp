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

}  // namespace kc::app
