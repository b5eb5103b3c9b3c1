// Checking a change to a registry record against its kind's declaration: every field's value,
// required fields, references to existing records and a free natural key. Shared by direct
// edits, imports' single records and enterprise submissions.
#pragma once

#include <vector>

#include "app/outcome.hpp"
#include "app/registry/registry_service.hpp"
#include "store/record_store.hpp"

namespace kc::app {

// Applies `values` over `record` (all fields for a new record), collecting every field error.
std::vector<FieldError> apply_values(const domain::KindDef& kind, const FieldValues& values, store::Record& record);
// References must name existing records; the natural key must be free (or the record's own). The
// message names the clashing record's id only when `reveal_ids` (never to enterprise accounts).
std::vector<FieldError> check_links(store::Connection& conn, const domain::KindDef& kind, const store::Record& record,
                                    bool reveal_ids);

}  // namespace kc::app
