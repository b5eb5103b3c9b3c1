// Rows of the audit_log table and its one-row head (audit_head): what app/audit/audit_log.cpp
// chains, verifies and searches. The chain's rules (hashes, keys, seals) stay in app/; this file
// only reads and writes the rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/page.hpp"

namespace kc::store {

struct AuditRow {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> actor_id;
  std::string actor;
  std::string ip;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  std::string prev_hash;
  std::string hash;
  std::optional<std::string> key_id;  // none: an unkeyed record from before migration 7
};

// The chain head: the last record written through the application, and the end of the unkeyed
// records with its seal (migration 7).
struct AuditHeadRow {
  std::int64_t last_id = 0;
  std::string last_hash;
  std::int64_t legacy_last_id = 0;
  std::optional<std::string> legacy_seal;
};

// Search conditions; empty strings match everything. `to` is the inclusive upper bound as stored
// (a full ISO time: the caller widens a bare date to its day's end).
struct AuditQuery {
  std::string q;  // substring of action, entity, entity id, actor or the before/after values
  std::string actor;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string from;
  std::string to;
};

class AuditRepository {
 public:
  explicit AuditRepository(Connection& conn) : conn_(conn) {}

  // With `lock`, the head row stays locked until the transaction ends (FOR UPDATE on PostgreSQL;
  // SQLite's write transaction holds the whole file), so concurrent writers cannot fork the chain.
  AuditHeadRow head(bool lock = false);
  // Inserts the record and moves the head to it, in the caller's transaction.
  void append(const AuditRow& row);
  // Sets the seal of the unkeyed records unless one is set already.
  void set_legacy_seal(const std::string& seal);

  std::optional<AuditRow> find(std::int64_t id);
  // Up to `limit` records with id ≥ `first_id`, in id order: verification's batches.
  std::vector<AuditRow> from_id(std::int64_t first_id, std::int64_t limit);
  std::int64_t count_up_to(std::int64_t last_id);

  // Newest first.
  std::vector<AuditRow> search(const AuditQuery& query, const Page& page);
  // The newest records whose action ends in `suffix` (".import_failed": imports that failed, of any
  // kind) at or after `since`, by `actor` when it is not empty, at most `limit`.
  std::vector<AuditRow> recent_with_action_suffix(const std::string& suffix, const std::string& actor,
                                                  const std::string& since, std::int64_t limit);
  std::int64_t count(const AuditQuery& query);

 private:
  Connection& conn_;
};

}  // namespace kc::store
