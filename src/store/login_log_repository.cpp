#include "store/login_log_repository.hpp"

#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

template <class T>
Value optional(const std::optional<T>& v) {
  return v ? Value{*v} : Value{std::monostate{}};
}

SqlFilter to_sql(const LoginLogQuery& q) {
  SqlFilter sql;
  sql.contains_any({"username", "ip"}, q.q);
  if (q.success) sql.add("success = ?", std::int64_t{*q.success});
  if (!q.from.empty()) sql.add("at >= ?", q.from);
  if (!q.to.empty()) sql.add("at <= ?", q.to);
  return sql;
}

}  // namespace

void LoginLogRepository::insert(const LoginLogRow& r) {
  conn_.execute(
      "INSERT INTO login_log (at, username, user_id, ip, success, reason) VALUES ($1, $2, $3, $4, $5, $6)",
      {r.at, r.username, optional(r.user_id), r.ip, std::int64_t{r.success}, optional(r.reason)});
}

std::vector<LoginLogRow> LoginLogRepository::search(const LoginLogQuery& query, const Page& page) {
  auto sql = to_sql(query);
  const std::string limit = sql.next_placeholder();
  const std::string offset = "$" + std::to_string(sql.params().size() + 2);
  auto rows = conn_.query("SELECT id, at, username, user_id, ip, success, reason FROM login_log" + sql.where() +
                              " ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset,
                          sql.params_with({std::int64_t{page.page_size}, std::int64_t{page.offset()}}));
  std::vector<LoginLogRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_integer(3), r.text(4), r.boolean(5),
                   r.optional_text(6)});
  }
  return out;
}

std::int64_t LoginLogRepository::count(const LoginLogQuery& query) {
  auto sql = to_sql(query);
  return conn_.query_one("SELECT COUNT(*) FROM login_log" + sql.where(), sql.params())->integer(0);
}

}  // namespace kc::store
