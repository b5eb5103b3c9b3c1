#include <boost/json.hpp>

#include "http/api.hpp"
#include "http/openapi.hpp"
#include "http/responses.hpp"

namespace kc::http {

app::Outcome<std::int64_t> path_id(const Exchange& ex, const char* name, const std::string& what) {
  const std::string& text = ex.params.at(name);
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<std::int64_t>(id);
  } catch (const std::exception&) {
  }
  return app::Problem::not_found("No " + what + " with id " + text + ".");
}

app::Outcome<store::Page> read_page(const Exchange& ex) {
  store::Page page;
  std::vector<app::FieldError> errors;
  auto read = [&](const char* name, int& into, int min, int max) {
    const std::string text = ex.query_value(name);
    if (text.empty()) return;
    try {
      std::size_t used = 0;
      const int value = std::stoi(text, &used);
      if (used != text.size() || value < min || value > max) throw std::out_of_range(name);
      into = value;
    } catch (const std::exception&) {
      errors.push_back({name, "must be a whole number from " + std::to_string(min) + " to " +
                                  std::to_string(max)});
    }
  };
  read("page", page.page, 1, 1000000);
  read("page_size", page.page_size, 1, 200);
  if (!errors.empty()) return app::Problem::validation(std::move(errors));
  return page;
}

void add_system_routes(Router& router, Services& services) {
  router.add({beast_http::verb::get, "/api/v1/health", Access::public_, {}, "Server and database health",
              [&services](Exchange& ex) {
                bool database_ok = false;
                try {
                  auto conn = services.db.acquire();
                  database_ok = conn->query_one("SELECT 1").has_value();
                } catch (const std::exception&) {
                  database_ok = false;
                }
                boost::json::object body{{"status", database_ok ? "ok" : "degraded"},
                                         {"version", KC_VERSION},
                                         {"database", database_ok ? "ok" : "unreachable"}};
                return json_response(ex.request,
                                     database_ok ? beast_http::status::ok
                                                 : beast_http::status::service_unavailable,
                                     body);
              }});
  router.add({beast_http::verb::get, "/api/v1/openapi.json", Access::public_, {}, "This API description",
              [&router](Exchange& ex) {
                return json_response(ex.request, beast_http::status::ok, openapi_document(router));
              }});
}

}  // namespace kc::http
