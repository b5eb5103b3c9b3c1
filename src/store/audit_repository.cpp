#include "store/audit_repository.hpp"

#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

constexpr const char* kColumns =
    "id, at, actor, ip, action, entity, entity_id, before_json, after_json, prev_hash, hash, actor_id, key_id";

AuditRow to_row(const Row& r) {
  AuditRow a;
  a.id = r.integer(0);
  a.at = r.text(1);
  a.actor = r.text(2);
  a.ip = r.text(3);
  a.action = r.text(4);
  a.entity = r.text(5);
  a.entity_id = r.text(6);
  a.before_json = r.optional_text(7);
  a.after_json = r.optional_text(8);
  a.prev_hash = r.text(9);
  a.hash = r.text(10);
  a.actor_id = r.optional_integer(11);
  a.key_id = r.optional_text(12);
  return a;
}

template <class T>
Value optional(const std::optional<T>& v) {
  return v ? Value{*v} : Value{std::monostate{}};
}

SqlFilter to_sql(const AuditQuery& q) {
  SqlFilter sql;
  sql.contains_any({"action", "entity", "entity_id", "actor", "before_json", "after_json"}, q.q);
  if (!q.actor.empty()) sql.add("actor = ?", q.actor);
  if (!q.action.empty()) sql.add("action = ?", q.action);
  if (!q.entity.empty()) sql.add("entity = ?", q.entity);
  if (!q.entity_id.empty()) sql.add("entity_id = ?", q.entity_id);
  if (!q.from.empty()) sql.add("at >= ?", q.from);
  if (!q.to.empty()) sql.add("at <= ?", q.to);
  return sql;
}

}  // namespace

AuditHeadRow AuditRepository::head(bool lock) {
  const char* sql = lock && conn_.dialect() == Dialect::postgresql
                        ? "SELECT last_id, last_hash, legacy_last_id, legacy_seal FROM audit_head WHERE id = 1 FOR UPDATE"
                        : "SELECT last_id, last_hash, legacy_last_id, legacy_seal FROM audit_head WHERE id = 1";
  auto row = conn_.query_one(sql);
  return AuditHeadRow{row->integer(0), row->text(1), row->integer(2), row->optional_text(3)};
}

void AuditRepository::append(const AuditRow& a) {
  conn_.execute(
      "INSERT INTO audit_log (id, at, actor_id, actor, ip, action, entity, entity_id, before_json, "
      "after_json, prev_hash, hash, key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      {a.id, a.at, optional(a.actor_id), a.actor, a.ip, a.action, a.entity, a.entity_id, optional(a.before_json),
       optional(a.after_json), a.prev_hash, a.hash, optional(a.key_id)});
  conn_.execute("UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1", {a.id, a.hash});
}

void AuditRepository::set_legacy_seal(const std::string& seal) {
  conn_.execute("UPDATE audit_head SET legacy_seal = $1 WHERE id = 1 AND legacy_seal IS NULL", {seal});
}

std::optional<AuditRow> AuditRepository::find(std::int64_t id) {
  auto row = conn_.query_one(std::string("SELECT ") + kColumns + " FROM audit_log WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return to_row(*row);
}

std::vector<AuditRow> AuditRepository::from_id(std::int64_t first_id, std::int64_t limit) {
  auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM audit_log WHERE id >= $1 ORDER BY id LIMIT $2",
                          {first_id, limit});
  std::vector<AuditRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(to_row(r));
  return out;
}

std::int64_t AuditRepository::count_up_to(std::int64_t last_id) {
  return conn_.query_one("SELECT COUNT(*) FROM audit_log WHERE id <= $1", {last_id})->integer(0);
}

std::vector<AuditRow> AuditRepository::recent_with_action_suffix(const std::string& suffix, const std::string& actor,
                                                                 const std::string& since, std::int64_t limit) {
  // The pattern is % followed by the suffix taken literally (its _ would match any character).
  std::string pattern = like_contains(suffix);
  pattern.pop_back();
  Params params{pattern, since, limit};
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM audit_log WHERE action LIKE $1 ESCAPE '\\' AND at >= $2";
  if (!actor.empty()) {
    params.push_back(actor);
    sql += " AND actor = $4";
  }
  std::vector<AuditRow> out;
  for (const auto& r : conn_.query(sql + " ORDER BY id DESC LIMIT $3", params)) out.push_back(to_row(r));
  return out;
}

std::vector<AuditRow> AuditRepository::search(const AuditQuery& query, const Page& page) {
  auto sql = to_sql(query);
  const std::string limit = sql.next_placeholder();
  const std::string offset = "$" + std::to_string(sql.params().size() + 2);
  auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM audit_log" + sql.where() +
                              " ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset,
                          sql.params_with({std::int64_t{page.page_size}, std::int64_t{page.offset()}}));
  std::vector<AuditRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(to_row(r));
  return out;
}

std::int64_t AuditRepository::count(const AuditQuery& query) {
  auto sql = to_sql(query);
  return conn_.query_one("SELECT COUNT(*) FROM audit_log" + sql.where(), sql.params())->integer(0);
}

}  // namespace kc::store
