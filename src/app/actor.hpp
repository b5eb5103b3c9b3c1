// Who is asking: the signed-in user (if any) and where the request came from. Every use case
// takes an Actor, checks what it may do and records it in the audit log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/roles.hpp"

namespace kc::app {

struct Actor {
  std::optional<std::int64_t> user_id;  // empty for the system itself (CLI, migrations)
  std::string username = "system";
  Role role = Role::admin;
  std::string ip = "local";
  std::string user_agent;
  // Data scope: an enterprise user acts for this enterprise only; empty means the whole registry.
  std::optional<std::int64_t> enterprise_id;

  // The CLI acts as the system, with full rights.
  static Actor system(std::string what = "system") {
    Actor a;
    a.username = std::move(what);
    return a;
  }
  // True when the actor may see or change records of `enterprise_id`.
  bool may_access_enterprise(std::int64_t id) const {
    return role != Role::enterprise || (enterprise_id && *enterprise_id == id);
  }
};

}  // namespace kc::app
