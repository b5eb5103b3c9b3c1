// Who may read, change or file records of a registry kind: the one place that reads a kind
// declaration's role lists (domain/registry_kinds.cpp), for the use cases, the import, the
// submissions and the kinds API alike.
#pragma once

#include <optional>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "domain/registry_kind.hpp"

namespace kc::app {

bool can_read(const Actor& actor, const domain::KindDef& kind);
bool can_write(const Actor& actor, const domain::KindDef& kind);
// Whether this role's changes wait for staff confirmation instead of being written.
bool needs_confirmation(const Actor& actor, const domain::KindDef& kind);

// The same checks as the problem a use case returns (403 with the kind's name), or none.
// Enterprise accounts read only kinds that hang off an enterprise, and only once bound to one.
std::optional<Problem> may_read(const Actor& actor, const domain::KindDef& kind);
std::optional<Problem> may_write(const Actor& actor, const domain::KindDef& kind);
std::optional<Problem> may_import(const Actor& actor, const domain::KindDef& kind);

}  // namespace kc::app
