// The append-only, hash-chained audit log of every state change, and its verification.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace kc::app {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::string actor;
  std::string ip;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

struct AuditFilter {
  std::string q;  // substring of action, entity, entity id, actor or changed values
  std::string actor;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string from;  // ISO date or time, inclusive
  std::string to;    // ISO date (whole day included) or time, inclusive
};

struct AuditVerification {
  bool ok = true;
  std::int64_t records = 0;
  std::optional<std::int64_t> first_bad_id;
  std::string problem;  // "edited", "inserted" or "deleted"
};

// Appends one record inside the caller's transaction, chained to the previous one. The chain
// head row is locked first, so concurrent writers (even on several servers) cannot fork it.
void append_audit(store::Connection& conn, const Actor& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_id,
                  const std::optional<boost::json::value>& before,
                  const std::optional<boost::json::value>& after);

AuditVerification verify_audit(store::Connection& conn);

std::vector<AuditEntry> search_audit(store::Connection& conn, const AuditFilter& filter,
                                     const store::Page& page);
std::int64_t count_audit(store::Connection& conn, const AuditFilter& filter);
// Writes every matching record as CSV (UTF-8 with BOM so spreadsheet programs read Chinese),
// fetching in batches so the log never sits in memory whole.
std::int64_t export_audit_csv(store::Connection& conn, const AuditFilter& filter, std::ostream& out);

}  // namespace kc::app
