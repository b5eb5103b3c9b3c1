#include "app/accounts/login_log.hpp"

#include "domain/timestamp.hpp"
#include "io/csv_out.hpp"
#include "store/sql_filter.hpp"

namespace kc::app {
namespace {

store::SqlFilter to_sql(const LoginFilter& f) {
  store::SqlFilter sql;
  sql.contains_any({"username", "ip"}, f.q);
  if (f.success) sql.add("success = ?", std::int64_t{*f.success});
  if (!f.from.empty()) sql.add("at >= ?", f.from);
  if (!f.to.empty()) sql.add("at <= ?", f.to.size() == 10 ? f.to + "T23:59:59Z" : f.to);
  return sql;
}

}  // namespace

void record_login(store::Connection& conn, const std::string& username,
                  std::optional<std::int64_t> user_id, const std::string& ip, bool success,
                  std::optional<std::string> reason) {
  conn.execute(
      "INSERT INTO login_log (at, username, user_id, ip, success, reason) VALUES ($1, $2, $3, $4, $5, $6)",
      {domain::to_iso_utc(domain::now_epoch_seconds()), username.substr(0, 200),
       user_id ? store::Value{*user_id} : store::Value{std::monostate{}}, ip, std::int64_t{success},
       reason ? store::Value{*reason} : store::Value{std::monostate{}}});
}

std::vector<LoginEntry> search_logins(store::Connection& conn, const LoginFilter& filter,
                                      const store::Page& page) {
  auto sql = to_sql(filter);
  const std::string limit = sql.next_placeholder();
  const std::string offset = "$" + std::to_string(sql.params().size() + 2);
  auto rows = conn.query("SELECT id, at, username, ip, success, reason FROM login_log" + sql.where() +
                             " ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset,
                         sql.params_with({std::int64_t{page.page_size}, std::int64_t{page.offset()}}));
  std::vector<LoginEntry> out;
  for (const auto& r : rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.boolean(4), r.optional_text(5)});
  }
  return out;
}

std::int64_t count_logins(store::Connection& conn, const LoginFilter& filter) {
  auto sql = to_sql(filter);
  return conn.query_one("SELECT COUNT(*) FROM login_log" + sql.where(), sql.params())->integer(0);
}

std::int64_t export_logins_csv(store::Connection& conn, const LoginFilter& filter, std::ostream& out) {
  io::CsvOut csv(out);
  csv.row({"id", "at", "username", "ip", "success", "reason"});
  store::Page page{1, 1000};
  std::int64_t rows = 0;
  for (;;) {
    auto entries = search_logins(conn, filter, page);
    rows += static_cast<std::int64_t>(entries.size());
    for (const auto& e : entries) {
      csv.row({std::to_string(e.id), e.at, e.username, e.ip, e.success ? "true" : "false",
               e.reason.value_or("")});
    }
    if (static_cast<int>(entries.size()) < page.page_size) break;
    ++page.page;
  }
  return rows;
}

}  // namespace kc::app
