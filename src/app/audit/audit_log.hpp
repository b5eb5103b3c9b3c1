// The append-only audit log of every state change, chained by HMAC-SHA-256 under the keyring of
// app/audit/audit_keys.hpp (each record names the key it was made with), and its verification, also
// against anchors (signed copies of the chain head kept outside the database).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

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
  std::int64_t legacy_records = 0;  // unkeyed SHA-256 records from before the key (migration 7)
  std::int64_t anchors_checked = 0;
  std::optional<std::int64_t> first_bad_id;
  std::optional<std::int64_t> last_bad_id;  // "recomputed": the rewritten range ends here
  // "edited", "inserted", "deleted", "unknown_key" (made with a key not in the keyring),
  // "unsealed" (the end of the unkeyed records is not sealed by a key), or "recomputed" (the
  // chain no longer has the head an anchor recorded).
  std::string problem;
  std::string key_id;                  // unknown_key: the key the record names
  std::optional<std::int64_t> anchor_line;  // recomputed, or deleted past an anchor: which anchor
  std::string anchor_at;
};

// One anchor, as far as the chain is concerned: the head it recorded. app/audit/audit_anchor.hpp reads
// them from the signed anchor file.
struct AnchorPoint {
  std::int64_t last_id = 0;
  std::string head;
  std::string key_id;
  std::string at;
  std::int64_t line = 0;
};

// Appends one record inside the caller's transaction, chained to the previous one and signed with
// the keyring's signing key. The chain head row is locked first, so concurrent writers (even on
// several servers) cannot fork it.
void append_audit(store::Connection& conn, const Actor& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_id,
                  const std::optional<boost::json::value>& before,
                  const std::optional<boost::json::value>& after);

// Checks every record with the keyring in use, and that the chain still holds each anchor's head.
AuditVerification verify_audit(store::Connection& conn, const std::vector<AnchorPoint>& anchors = {});

// Seals the end of the unkeyed records a database had when migration 7 ran, with the signing key;
// does nothing when there are none or the seal exists. Called by the process that applied
// migration 7, and only there: a later process sealing would bless whatever it found.
void seal_legacy_audit(store::Connection& conn);

// The newest record's id, MAC and key id, after checking that record's own MAC, the head row and
// the count: what an anchor records (id 0 and the genesis value for an empty chain).
struct AuditHead {
  std::int64_t last_id = 0;
  std::string head;
  std::string key_id;
  std::int64_t count = 0;
};
Outcome<AuditHead> audit_head_for_anchor(store::Connection& conn);

std::vector<AuditEntry> search_audit(store::Connection& conn, const AuditFilter& filter,
                                     const store::Page& page);
std::int64_t count_audit(store::Connection& conn, const AuditFilter& filter);
// Writes every matching record as CSV (UTF-8 with BOM so spreadsheet programs read Chinese),
// fetching in batches so the log never sits in memory whole.
std::int64_t export_audit_csv(store::Connection& conn, const AuditFilter& filter, std::ostream& out);

}  // namespace kc::app
