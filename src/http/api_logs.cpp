#include <sstream>

#include "domain/timestamp.hpp"
#include "domain/field_messages.hpp"
#include "http/api.hpp"
#include "http/responses.hpp"

namespace kc::http {
namespace {

const app::RoleSet kAdmin{app::Role::admin};

// Date filters must be ISO dates or times; anything else is a field error, not an empty result.
std::vector<app::FieldError> check_dates(const Exchange& ex) {
  std::vector<app::FieldError> errors;
  for (const char* name : {"from", "to"}) {
    const std::string value = ex.query_value(name);
    if (!value.empty() && !domain::parse_iso_utc(value)) {
      errors.push_back(app::field_error(name, domain::fmsg::not_date_or_time));
    }
  }
  return errors;
}

app::Outcome<app::AuditFilter> audit_filter(const Exchange& ex) {
  auto errors = check_dates(ex);
  if (!errors.empty()) return app::Problem::validation(std::move(errors));
  app::AuditFilter f;
  f.q = ex.query_value("q").substr(0, 200);
  f.actor = ex.query_value("actor").substr(0, 200);
  f.action = ex.query_value("action").substr(0, 200);
  f.entity = ex.query_value("entity").substr(0, 200);
  f.entity_id = ex.query_value("entity_id").substr(0, 200);
  f.from = ex.query_value("from");
  f.to = ex.query_value("to");
  return f;
}

app::Outcome<app::LoginFilter> login_filter(const Exchange& ex) {
  auto errors = check_dates(ex);
  const std::string success = ex.query_value("success");
  if (!success.empty() && success != "true" && success != "false") {
    errors.push_back(app::field_error("success", domain::fmsg::not_boolean));
  }
  if (!errors.empty()) return app::Problem::validation(std::move(errors));
  app::LoginFilter f;
  f.q = ex.query_value("q").substr(0, 200);
  if (!success.empty()) f.success = success == "true";
  f.from = ex.query_value("from");
  f.to = ex.query_value("to");
  return f;
}

boost::json::value parse_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto v = boost::json::parse(*text, ec);
  return ec ? boost::json::value(*text) : v;
}

boost::json::object to_json(const app::AuditEntry& e) {
  return {{"id", e.id},         {"at", e.at},         {"actor", e.actor},
          {"ip", e.ip},         {"action", e.action}, {"entity", e.entity},
          {"entity_id", e.entity_id}, {"before", parse_or_null(e.before_json)},
          {"after", parse_or_null(e.after_json)}};
}

boost::json::object to_json(const app::LoginEntry& e) {
  boost::json::object o{{"id", e.id},           {"at", e.at}, {"username", e.username},
                        {"ip", e.ip},           {"success", e.success}};
  if (e.reason) o["reason"] = *e.reason;
  else o["reason"] = nullptr;
  return o;
}

template <class T>
Response page_response(const Exchange& ex, const app::LogPage<T>& p, const store::Page& page) {
  boost::json::array items;
  for (const auto& e : p.items) items.push_back(to_json(e));
  return json_response(ex.request, beast_http::status::ok,
                       {{"items", std::move(items)},
                        {"total", p.total},
                        {"page", page.page},
                        {"page_size", page.page_size}});
}

}  // namespace

void add_log_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/audit", Access::roles, kAdmin, "Search the audit log",
              [&s](Exchange& ex) {
                auto filter = audit_filter(ex);
                if (!filter) return problem_response(ex.request, filter.problem());
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                auto result = s.logs.audit(ex.actor, filter.value(), page.value());
                return respond(ex, result, [&](auto& p) { return page_response(ex, p, page.value()); });
              }}).whole_installation();
  router.add({beast_http::verb::get, "/api/v1/audit/export", Access::roles, kAdmin,
              "Export the audit log as CSV", [&s](Exchange& ex) {
                auto filter = audit_filter(ex);
                if (!filter) return problem_response(ex.request, filter.problem());
                std::ostringstream out;
                auto status = s.logs.export_audit(ex.actor, filter.value(), out);
                if (!status) return problem_response(ex.request, status.problem());
                return download(ex.request, out.str(), "text/csv; charset=utf-8", "audit-log.csv");
              }}).whole_installation().heavy();
  router.add({beast_http::verb::get, "/api/v1/audit/verify", Access::roles, kAdmin,
              "Verify the audit log's hash chain", [&s](Exchange& ex) {
                auto result = s.logs.verify(ex.actor);
                return respond(ex, result, [&](app::AuditVerification& v) {
                  boost::json::object o{{"ok", v.ok}, {"records", v.records}};
                  if (!v.ok) {
                    o["first_bad_id"] = *v.first_bad_id;
                    o["problem"] = v.problem;
                    if (!v.key_id.empty()) o["key_id"] = v.key_id;  // unknown_key: the key it names
                  }
                  return json_response(ex.request, beast_http::status::ok, o);
                });
              }}).whole_installation().heavy();
  router.add({beast_http::verb::get, "/api/v1/login-log", Access::roles, kAdmin, "Search the login log",
              [&s](Exchange& ex) {
                auto filter = login_filter(ex);
                if (!filter) return problem_response(ex.request, filter.problem());
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                auto result = s.logs.logins(ex.actor, filter.value(), page.value());
                return respond(ex, result, [&](auto& p) { return page_response(ex, p, page.value()); });
              }}).whole_installation();
  router.add({beast_http::verb::get, "/api/v1/login-log/export", Access::roles, kAdmin,
              "Export the login log as CSV", [&s](Exchange& ex) {
                auto filter = login_filter(ex);
                if (!filter) return problem_response(ex.request, filter.problem());
                std::ostringstream out;
                auto status = s.logs.export_logins(ex.actor, filter.value(), out);
                if (!status) return problem_response(ex.request, status.problem());
                return download(ex.request, out.str(), "text/csv; charset=utf-8", "login-log.csv");
              }}).whole_installation().heavy();
}

}  // namespace kc::http
