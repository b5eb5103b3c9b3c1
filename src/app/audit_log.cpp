#include "app/audit_log.hpp"

#include "app/crypto.hpp"
#include "app/csv_out.hpp"
#include "domain/timestamp.hpp"
#include "store/sql_filter.hpp"

namespace kc::app {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

struct StoredEntry {
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

// Length-prefixed fields, so no choice of values can make two different records hash alike.
std::string chain_hash(const std::string& prev_hash, const AuditEntry& e) {
  std::string canonical;
  auto field = [&](const std::string& v) {
    canonical += std::to_string(v.size());
    canonical += ':';
    canonical += v;
  };
  field(prev_hash);
  field(std::to_string(e.id));
  field(e.at);
  field(e.actor);
  field(e.ip);
  field(e.action);
  field(e.entity);
  field(e.entity_id);
  field(e.before_json.value_or("null"));
  field(e.after_json.value_or("null"));
  return sha256_hex(canonical);
}

constexpr const char* kColumns =
    "id, at, actor, ip, action, entity, entity_id, before_json, after_json, prev_hash, hash";

StoredEntry to_stored(const store::Row& r) {
  StoredEntry s;
  s.entry = {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6),
             r.optional_text(7), r.optional_text(8)};
  s.prev_hash = r.text(9);
  s.hash = r.text(10);
  return s;
}

// Accepts a date (the whole day for an upper bound) or a full ISO time.
std::string upper_bound(const std::string& to) {
  return to.size() == 10 ? to + "T23:59:59Z" : to;
}

store::SqlFilter to_sql(const AuditFilter& f) {
  store::SqlFilter sql;
  sql.contains_any({"action", "entity", "entity_id", "actor", "before_json", "after_json"}, f.q);
  if (!f.actor.empty()) sql.add("actor = ?", f.actor);
  if (!f.action.empty()) sql.add("action = ?", f.action);
  if (!f.entity.empty()) sql.add("entity = ?", f.entity);
  if (!f.entity_id.empty()) sql.add("entity_id = ?", f.entity_id);
  if (!f.from.empty()) sql.add("at >= ?", f.from);
  if (!f.to.empty()) sql.add("at <= ?", upper_bound(f.to));
  return sql;
}

}  // namespace

void append_audit(store::Connection& conn, const Actor& actor, const std::string& action,
                  const std::string& entity, const std::string& entity_id,
                  const std::optional<boost::json::value>& before,
                  const std::optional<boost::json::value>& after) {
  const char* head_sql = conn.dialect() == store::Dialect::postgresql
                             ? "SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
                             : "SELECT last_id, last_hash FROM audit_head WHERE id = 1";
  auto head = conn.query_one(head_sql);
  AuditEntry e;
  e.id = head->integer(0) + 1;
  e.at = domain::to_iso_utc(domain::now_epoch_seconds());
  e.actor = actor.username;
  e.ip = actor.ip;
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  if (before) e.before_json = boost::json::serialize(*before);
  if (after) e.after_json = boost::json::serialize(*after);
  const std::string prev = head->text(1);
  const std::string hash = chain_hash(prev, e);
  auto optional_text = [](const std::optional<std::string>& v) {
    return v ? store::Value{*v} : store::Value{std::monostate{}};
  };
  conn.execute(
      "INSERT INTO audit_log (id, at, actor_id, actor, ip, action, entity, entity_id, before_json, "
      "after_json, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      {e.id, e.at, actor.user_id ? store::Value{*actor.user_id} : store::Value{std::monostate{}},
       e.actor, e.ip, e.action, e.entity, e.entity_id, optional_text(e.before_json),
       optional_text(e.after_json), prev, hash});
  conn.execute("UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1", {e.id, hash});
}

AuditVerification verify_audit(store::Connection& conn) {
  AuditVerification v;
  auto fail = [&](std::int64_t id, const char* problem) {
    v.ok = false;
    v.first_bad_id = id;
    v.problem = problem;
    return v;
  };
  // The head row records the last record written through the application, so anything past it
  // was inserted behind the application's back.
  auto head = conn.query_one("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
  const std::int64_t head_id = head->integer(0);
  std::int64_t expected_id = 1;
  std::string expected_prev = kGenesis;
  constexpr std::int64_t batch = 2000;
  for (;;) {
    auto rows = conn.query(std::string("SELECT ") + kColumns +
                               " FROM audit_log WHERE id >= $1 ORDER BY id LIMIT $2",
                           {expected_id, batch});
    for (const auto& row : rows) {
      StoredEntry s = to_stored(row);
      ++v.records;
      if (s.entry.id > head_id) return fail(s.entry.id, "inserted");
      if (s.entry.id != expected_id) return fail(expected_id, "deleted");
      if (chain_hash(s.prev_hash, s.entry) != s.hash) return fail(s.entry.id, "edited");
      // A record whose own hash holds but whose link does not: its predecessor was rewritten
      // together with that predecessor's hash.
      if (s.prev_hash != expected_prev) return fail(s.entry.id - 1, "edited");
      expected_prev = s.hash;
      ++expected_id;
    }
    if (static_cast<std::int64_t>(rows.size()) < batch) break;
  }
  const std::int64_t last = expected_id - 1;
  if (last < head_id) return fail(last + 1, "deleted");
  if (last > 0 && head->text(1) != expected_prev) return fail(last, "edited");
  return v;
}

std::vector<AuditEntry> search_audit(store::Connection& conn, const AuditFilter& filter,
                                     const store::Page& page) {
  auto sql = to_sql(filter);
  const std::string limit = sql.next_placeholder();
  const std::string offset = "$" + std::to_string(sql.params().size() + 2);
  auto rows = conn.query(std::string("SELECT ") + kColumns + " FROM audit_log" + sql.where() +
                             " ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset,
                         sql.params_with({std::int64_t{page.page_size}, std::int64_t{page.offset()}}));
  std::vector<AuditEntry> out;
  for (const auto& r : rows) out.push_back(to_stored(r).entry);
  return out;
}

std::int64_t count_audit(store::Connection& conn, const AuditFilter& filter) {
  auto sql = to_sql(filter);
  return conn.query_one("SELECT COUNT(*) FROM audit_log" + sql.where(), sql.params())->integer(0);
}

std::int64_t export_audit_csv(store::Connection& conn, const AuditFilter& filter, std::ostream& out) {
  CsvOut csv(out);
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
