#include "app/accounts/login_log.hpp"

#include "domain/timestamp.hpp"
#include "io/csv_out.hpp"
#include "store/login_log_repository.hpp"

namespace kc::app {
namespace {

store::LoginLogQuery to_query(const LoginFilter& f) {
  // A bare date as the upper bound includes its whole day.
  return {f.q, f.success, f.from, f.to.size() == 10 ? f.to + "T23:59:59Z" : f.to};
}

}  // namespace

void record_login(store::Connection& conn, const std::string& username,
                  std::optional<std::int64_t> user_id, const std::string& ip, bool success,
                  std::optional<std::string> reason) {
  store::LoginLogRepository(conn).insert({0, domain::to_iso_utc(domain::now_epoch_seconds()),
                                          username.substr(0, 200), user_id, ip, success,
                                          std::move(reason)});
}

std::vector<LoginEntry> search_logins(store::Connection& conn, const LoginFilter& filter,
                                      const store::Page& page) {
  std::vector<LoginEntry> out;
  for (auto& r : store::LoginLogRepository(conn).search(to_query(filter), page)) {
    out.push_back({r.id, std::move(r.at), std::move(r.username), std::move(r.ip), r.success,
                   std::move(r.reason)});
  }
  return out;
}

std::int64_t count_logins(store::Connection& conn, const LoginFilter& filter) {
  return store::LoginLogRepository(conn).count(to_query(filter));
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
