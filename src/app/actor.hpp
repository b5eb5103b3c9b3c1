// Who is asking: the signed-in user (if any) and where the request came from. Every use case
// takes an Actor, checks what it may do and records it in the audit log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/roles.hpp"
#include "domain/region_code.hpp"

namespace kc::app {

struct Actor {
  std::optional<std::int64_t> user_id;  // empty for the system itself (CLI, migrations)
  std::string username = "system";
  Role role = Role::admin;
  std::string ip = "local";
  std::string user_agent;
  // Data scope: an enterprise user acts for this enterprise only; empty means the whole registry.
  std::optional<std::int64_t> enterprise_id;
  // Region scope: the district, city or province whose records the actor sees and changes; empty
  // for the whole installation (records without a district included).
  std::optional<domain::RegionCode> region;

  // The CLI acts as the system, with full rights.
  static Actor system(std::string what = "system") {
    Actor a;
    a.username = std::move(what);
    return a;
  }
  // What RecordQuery::district_prefix wants: the digits every code in scope starts with.
  std::string district_prefix() const { return region ? std::string(region->prefix()) : std::string{}; }
  // True when a record placed in district `code` lies in the actor's scope (a record in no
  // district lies only in the whole installation's).
  bool may_see_district(const std::optional<std::string>& code) const {
    return !region || (code && code->starts_with(region->prefix()));
  }
  // True when the actor may see or change records of `enterprise_id`.
  bool may_access_enterprise(std::int64_t id) const {
    return role != Role::enterprise || (enterprise_id && *enterprise_id == id);
  }
};

}  // namespace kc::app
