#include "app/registry/kind_access.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "app/messages.hpp"

namespace kc::app {
namespace {

bool listed(const std::vector<std::string>& roles, Role role) {
  return std::find(roles.begin(), roles.end(), to_string(role)) != roles.end();
}

}  // namespace

bool can_read(const Actor& actor, const domain::KindDef& kind) { return listed(kind.read_roles, actor.role); }
bool can_write(const Actor& actor, const domain::KindDef& kind) { return listed(kind.write_roles, actor.role); }
bool needs_confirmation(const Actor& actor, const domain::KindDef& kind) {
  return listed(kind.submit_roles, actor.role);
}

std::optional<Problem> may_read(const Actor& actor, const domain::KindDef& kind) {
  if (!can_read(actor, kind)) return Problem::forbidden({msg::role_may_not_read, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}});
  if (actor.role == Role::enterprise && (kind.enterprise_scope.empty() || !actor.enterprise_id)) {
    return Problem::forbidden({msg::own_enterprise_only});
  }
  return std::nullopt;
}

std::optional<Problem> may_write(const Actor& actor, const domain::KindDef& kind) {
  if (!can_write(actor, kind)) return Problem::forbidden({msg::role_may_not_change, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}});
  return std::nullopt;
}

std::optional<Problem> may_import(const Actor& actor, const domain::KindDef& kind) {
  if (!can_write(actor, kind)) return Problem::forbidden({msg::role_may_not_import, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}});
  return std::nullopt;
}

}  // namespace kc::app
