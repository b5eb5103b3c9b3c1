// Checking a change to a registry record against its kind's declaration: every field's value,
// required fields, totals against their parts, references to existing records and a free natural key. Shared by direct
// edits, imports' single records and enterprise submissions.
#pragma once

#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/registry/registry_service.hpp"
#include "store/record_store.hpp"

namespace kc::app {

// Applies `values` over `record` (all fields for a new record), collecting every field error.
std::vector<FieldError> apply_values(const domain::KindDef& kind, const FieldValues& values, store::Record& record);
// Totals declared as sums of parts (KindDef::sums): an empty one is filled in from the parts given,
// one that differs from them is an error on the total naming both figures. Part of apply_values;
// imports call it on the record as it will be stored.
std::vector<FieldError> complete_totals(const domain::KindDef& kind, store::Record& record);
// The checks of a record as it will be stored, after its values were parsed: every required field
// has a value (else "is required" on each that has none), and then complete_totals. What
// apply_values ends with; imports call it on each row's record after overlaying the stored one.
std::vector<FieldError> check_complete(const domain::KindDef& kind, store::Record& record);
// References must name existing records inside the actor's region scope (a record outside it is
// answered as missing); the natural key must be free (or the record's own). The message names the
// clashing record's id only to bureau users who may see that record (never to enterprise accounts).
std::vector<FieldError> check_links(store::Connection& conn, const domain::KindDef& kind, const store::Record& record,
                                    const Actor& actor);

}  // namespace kc::app
