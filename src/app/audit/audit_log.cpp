#include "app/audit/audit_log.hpp"

#include <algorithm>

#include "app/audit/audit_keys.hpp"
#include "crypto/crypto.hpp"
#include "domain/timestamp.hpp"
#include "io/csv_out.hpp"
#include "store/audit_repository.hpp"

namespace kc::app {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

struct StoredEntry {
  AuditEntry entry;
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> key_id;  // none: an unkeyed record from before migration 7
  std::string prev_hash;
  std::string hash;
};

// Length-prefixed fields, so no choice of values can make two different records hash alike.
class Canonical {
 public:
  void field(const std::string& v) {
    text_ += std::to_string(v.size());
    text_ += ':';
    text_ += v;
  }
  // An absent value: '~' cannot begin a field, so it differs from every present one.
  void optional(const std::optional<std::string>& v) {
    if (v) field(*v);
    else text_ += '~';
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// The rule of records written before the key: SHA-256 over the previous hash and the fields.
std::string legacy_hash(const std::string& prev_hash, const AuditEntry& e) {
  Canonical c;
  c.field(prev_hash);
  c.field(std::to_string(e.id));
  c.field(e.at);
  c.field(e.actor);
  c.field(e.ip);
  c.field(e.action);
  c.field(e.entity);
  c.field(e.entity_id);
  c.field(e.before_json.value_or("null"));
  c.field(e.after_json.value_or("null"));
  return crypto::sha256_hex(c.text());
}

// The keyed rule: HMAC-SHA-256 over the previous MAC and every column, the key's id included.
std::string keyed_mac(const AuditKey& key, const StoredEntry& s) {
  Canonical c;
  c.field("kechuang-audit-v2");
  c.field(s.prev_hash);
  c.field(std::to_string(s.entry.id));
  c.field(s.entry.at);
  c.optional(s.actor_id ? std::optional<std::string>(std::to_string(*s.actor_id)) : std::nullopt);
  c.field(s.entry.actor);
  c.field(s.entry.ip);
  c.field(s.entry.action);
  c.field(s.entry.entity);
  c.field(s.entry.entity_id);
  c.optional(s.entry.before_json);
  c.optional(s.entry.after_json);
  c.field(key.id);
  return crypto::hmac_sha256_hex(key.secret, c.text());
}

// The seal of the unkeyed records' end: "key_id:HMAC(id and hash of the last unkeyed record)".
std::string legacy_seal(const AuditKey& key, std::int64_t legacy_last_id, const std::string& hash) {
  Canonical c;
  c.field("kechuang-audit-legacy-v1");
  c.field(std::to_string(legacy_last_id));
  c.field(hash);
  return key.id + ":" + crypto::hmac_sha256_hex(key.secret, c.text());
}

// Which key a seal names, and whether it holds.
enum class SealCheck { ok, unknown_key, bad };
SealCheck check_seal(const AuditKeyring& keys, const std::optional<std::string>& seal, std::int64_t legacy_last_id,
                     const std::string& hash, std::string& key_id) {
  if (!seal) return SealCheck::bad;
  const auto colon = seal->find(':');
  if (colon == std::string::npos) return SealCheck::bad;
  key_id = seal->substr(0, colon);
  const AuditKey* key = keys.find(key_id);
  if (!key) return SealCheck::unknown_key;
  return crypto::equal_secrets(legacy_seal(*key, legacy_last_id, hash), *seal) ? SealCheck::ok : SealCheck::bad;
}

StoredEntry to_stored(const store::AuditRow& r) {
  StoredEntry s;
  s.entry = {r.id, r.at, r.actor, r.ip, r.action, r.entity, r.entity_id, r.before_json, r.after_json};
  s.prev_hash = r.prev_hash;
  s.hash = r.hash;
  s.actor_id = r.actor_id;
  s.key_id = r.key_id;
  return s;
}

store::AuditRow to_row(const StoredEntry& s) {
  const AuditEntry& e = s.entry;
  return {e.id,          e.at,         s.actor_id,  e.actor, e.ip,   e.action, e.entity,
          e.entity_id,   e.before_json, e.after_json, s.prev_hash, s.hash, s.key_id};
}

// Whether a stored record's own MAC (or legacy hash) holds; sets `unknown` when its key is missing.
bool record_holds(const AuditKeyring& keys, const StoredEntry& s, bool& unknown) {
  unknown = false;
  if (!s.key_id) return legacy_hash(s.prev_hash, s.entry) == s.hash;
  const AuditKey* key = keys.find(*s.key_id);
  if (!key) {
    unknown = true;
    return false;
  }
  return crypto::equal_secrets(keyed_mac(*key, s), s.hash);
}

// Accepts a date (the whole day for an upper bound) or a full ISO time.
std::string upper_bound(const std::string& to) {
  return to.size() == 10 ? to + "T23:59:59Z" : to;
}

store::AuditQuery to_query(const AuditFilter& f) {
  return {f.q, f.actor, f.action, f.entity, f.entity_id, f.from, upper_bound(f.to)};
}

}  // namespace

void append_audit(store::Connection& conn, const Actor& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_id,
                  const std::optional<boost::json::value>& before,
                  const std::optional<boost::json::value>& after) {
  const auto keys = audit_keys();
  const AuditKey& key = keys->signing();
  store::AuditRepository log(conn);
  const auto head = log.head(true);
  StoredEntry s;
  AuditEntry& e = s.entry;
  e.id = head.last_id + 1;
  e.at = domain::to_iso_utc(domain::now_epoch_seconds());
  e.actor = actor.username;
  e.ip = actor.ip;
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  if (before) e.before_json = boost::json::serialize(*before);
  if (after) e.after_json = boost::json::serialize(*after);
  s.actor_id = actor.user_id;
  s.key_id = key.id;
  s.prev_hash = head.last_hash;
  s.hash = keyed_mac(key, s);
  log.append(to_row(s));
}

AuditVerification verify_audit(store::Connection& conn, const std::vector<AnchorPoint>& anchor_points) {
  const auto keys = audit_keys();
  AuditVerification v;
  auto fail = [&](std::int64_t id, const char* problem) {
    v.ok = false;
    v.first_bad_id = id;
    v.problem = problem;
    return v;
  };
  std::vector<AnchorPoint> anchors;
  for (const auto& a : anchor_points) {
    if (a.last_id > 0) anchors.push_back(a);  // an anchor of the empty chain vouches for nothing
  }
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const AnchorPoint& a, const AnchorPoint& b) { return a.last_id < b.last_id; });
  std::size_t next_anchor = 0;
  std::int64_t vouched_up_to = 0;  // the last id an anchor confirmed
  // The head row records the last record written through the application, so anything past it
  // was inserted behind the application's back.
  store::AuditRepository log(conn);
  const auto head = log.head();
  const std::int64_t head_id = head.last_id;
  const std::int64_t legacy_last = head.legacy_last_id;
  const auto& seal = head.legacy_seal;
  bool seal_checked = false;
  std::int64_t expected_id = 1;
  std::string expected_prev = kGenesis;
  constexpr std::int64_t batch = 2000;
  for (;;) {
    const auto rows = log.from_id(expected_id, batch);
    for (const auto& row : rows) {
      StoredEntry s = to_stored(row);
      const std::int64_t id = s.entry.id;
      ++v.records;
      if (id > head_id) return fail(id, "inserted");
      if (id != expected_id) return fail(expected_id, "deleted");
      // An unkeyed record after the keyed ones began was written (or rewritten) without the key.
      if (!s.key_id && id > legacy_last) return fail(id, "edited");
      bool unknown = false;
      if (!record_holds(*keys, s, unknown)) {
        if (!unknown) return fail(id, "edited");
        v.key_id = *s.key_id;
        return fail(id, "unknown_key");
      }
      if (!s.key_id) ++v.legacy_records;
      // A record whose own MAC holds but whose link does not: its predecessor was rewritten
      // together with that predecessor's MAC.
      if (s.prev_hash != expected_prev) return fail(id - 1, "edited");
      if (id == legacy_last) {
        switch (check_seal(*keys, seal, legacy_last, s.hash, v.key_id)) {
          case SealCheck::ok: break;
          case SealCheck::unknown_key: return fail(id, "unknown_key");
          case SealCheck::bad: v.key_id.clear(); return fail(id, "unsealed");
        }
        v.key_id.clear();
        seal_checked = true;
      }
      for (; next_anchor < anchors.size() && anchors[next_anchor].last_id == id; ++next_anchor) {
        const AnchorPoint& a = anchors[next_anchor];
        if (!crypto::equal_secrets(a.head, s.hash) || a.key_id != s.key_id.value_or("")) {
          // Rewritten somewhere after the last anchor that still matches, and at or before this one.
          v.last_bad_id = id;
          v.anchor_line = a.line;
          v.anchor_at = a.at;
          return fail(vouched_up_to + 1, "recomputed");
        }
        ++v.anchors_checked;
        vouched_up_to = id;
      }
      expected_prev = s.hash;
      ++expected_id;
    }
    if (static_cast<std::int64_t>(rows.size()) < batch) break;
  }
  const std::int64_t last = expected_id - 1;
  if (last < head_id) return fail(last + 1, "deleted");
  if (last > 0 && head.last_hash != expected_prev) return fail(last, "edited");
  if (legacy_last > 0 && !seal_checked) return fail(legacy_last, "unsealed");
  if (next_anchor < anchors.size()) {
    // An anchor saw records that are gone: the end of the log was cut off (and the head rewound).
    v.anchor_line = anchors[next_anchor].line;
    v.anchor_at = anchors[next_anchor].at;
    v.last_bad_id = anchors[next_anchor].last_id;
    return fail(last + 1, "deleted");
  }
  return v;
}

void seal_legacy_audit(store::Connection& conn) {
  const auto keys = audit_keys();
  store::in_transaction(conn, [&] {
    store::AuditRepository log(conn);
    const auto head = log.head(true);
    const std::int64_t legacy_last = head.legacy_last_id;
    if (legacy_last == 0 || head.legacy_seal) return;
    auto last = log.find(legacy_last);
    if (!last) return;  // already gone: verification reports the deletion
    log.set_legacy_seal(legacy_seal(keys->signing(), legacy_last, last->hash));
  });
}

Outcome<AuditHead> audit_head_for_anchor(store::Connection& conn) {
  const auto keys = audit_keys();
  auto broken = [](const std::string& detail) {
    return Problem{409, "audit_chain_broken", "Audit chain broken",
                   detail + " Run `kechuang audit verify`; no anchor was written.", {}};
  };
  store::AuditRepository log(conn);
  const auto head = log.head();
  AuditHead out;
  out.last_id = head.last_id;
  out.head = head.last_hash;
  out.count = log.count_up_to(out.last_id);
  if (out.count != out.last_id) {
    return broken("The audit log holds " + std::to_string(out.count) + " records up to its head, record " +
                  std::to_string(out.last_id) + ".");
  }
  if (out.last_id == 0) return out;
  const StoredEntry s = to_stored(*log.find(out.last_id));
  bool unknown = false;
  if (!record_holds(*keys, s, unknown) || s.hash != out.head) {
    return broken("The newest audit record, " + std::to_string(out.last_id) + ", does not verify" +
                  (unknown ? " (its key " + s.key_id.value_or("") + " is not in the keyring)." : "."));
  }
  out.key_id = s.key_id.value_or("");
  return out;
}

std::vector<AuditEntry> search_audit(store::Connection& conn, const AuditFilter& filter,
                                     const store::Page& page) {
  std::vector<AuditEntry> out;
  for (const auto& r : store::AuditRepository(conn).search(to_query(filter), page)) {
    out.push_back(to_stored(r).entry);
  }
  return out;
}

std::int64_t count_audit(store::Connection& conn, const AuditFilter& filter) {
  return store::AuditRepository(conn).count(to_query(filter));
}

std::int64_t export_audit_csv(store::Connection& conn, const AuditFilter& filter, std::ostream& out) {
  io::CsvOut csv(out);
  csv.row({"id", "at", "actor", "ip", "action", "entity", "entity_id", "before", "after"});
  store::Page page{1, 1000};
  std::int64_t rows = 0;
  for (;;) {
    auto entries = search_audit(conn, filter, page);
    rows += static_cast<std::int64_t>(entries.size());
    for (const auto& e : entries) {
      csv.row({std::to_string(e.id), e.at, e.actor, e.ip, e.action, e.entity, e.entity_id,
               e.before_json.value_or(""), e.after_json.value_or("")});
    }
    if (static_cast<int>(entries.size()) < page.page_size) break;
    ++page.page;
  }
  return rows;
}

}  // namespace kc::app
