// Anchors: signed copies of the audit chain's head, appended to a file the database cannot
// rewrite (ship it elsewhere: syslog, another host, write-once storage). An anchor is one JSON
// line {v, at, last_id, head, count, key_id, signer, sig}, signed with Ed25519 by a key kept
// outside the database, so a chain recomputed later (with or without the HMAC key) or cut short
// no longer matches the anchors made before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

// Where anchors go and the signing key lives: --audit-anchor-file / $KECHUANG_AUDIT_ANCHOR_FILE,
// else `<db path>.audit-anchors`; --audit-anchor-key-file / $KECHUANG_AUDIT_ANCHOR_KEY_FILE, else
// `<db path>.audit-anchor-key`. PostgreSQL has no defaults (see AuditKeySettings).
struct AnchorSettings {
  std::string anchor_file, env_anchor_file;
  std::string key_file, env_key_file;
  std::string db_target;
  bool postgres = false;
  // Without a default (PostgreSQL), only what the command needs must be given.
  bool need_anchor_file = true;
  bool need_key_file = true;
};
struct AnchorPaths {
  std::string anchor_file;
  std::string key_file;
};
Outcome<AnchorPaths> choose_anchor_paths(const AnchorSettings& settings);

struct AnchorSigner {
  std::string seed;        // Ed25519 seed (raw)
  std::string public_key;  // raw
};
// The signing key (file: `ed25519:<seed hex>`, mode 0600); created when missing and `create`.
Outcome<AnchorSigner> load_anchor_signer(const std::string& key_file, bool create);
// The public key as written in anchors (hex), and parsed from hex.
std::string public_key_hex(const AnchorSigner& signer);

struct AuditAnchor {
  std::string at;
  std::int64_t last_id = 0;
  std::string head;
  std::int64_t count = 0;
  std::string key_id;
  std::string signer;     // public key, hex
  std::string signature;  // base64
};
// What is signed: a fixed prefix and the fields, one per line.
std::string anchor_message(const AuditAnchor& a);
std::string format_anchor_line(const AuditAnchor& a);

// Reads the chain head (checking its newest record) and signs it.
Outcome<AuditAnchor> make_anchor(store::Connection& conn, const AnchorSigner& signer);
// Appends one line (one write, O_APPEND, flushed to disk); creates the file (0644) if needed.
Status append_anchor_line(const std::string& anchor_file, const std::string& line);
// make_anchor and append_anchor_line; returns the line written.
Outcome<std::string> anchor_audit_chain(store::Database& db, const AnchorSigner& signer, const std::string& anchor_file);

// The anchors of a file, each checked against `public_key` (raw). A line that is malformed, signed
// by another key or whose signature fails is a finding, not an error: `bad_line` names it.
struct AnchorFile {
  std::vector<AnchorPoint> points;
  std::int64_t bad_line = 0;
  std::string bad_reason;  // "malformed", "other_signer" or "bad_signature"
};
Outcome<AnchorFile> read_anchor_file(const std::string& anchor_file, const std::string& public_key);

}  // namespace kc::app
