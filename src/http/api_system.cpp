#include <boost/json.hpp>

#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "http/api.hpp"
#include "http/openapi.hpp"
#include "http/responses.hpp"
#include "domain/timestamp.hpp"
#include "store/import_lock.hpp"
#include "store/ping.hpp"
#include "store/storage_alarm.hpp"

namespace kc::http {

app::Outcome<std::int64_t> path_id(const Exchange& ex, const char* name, const app::MessageDef& not_found) {
  const std::string& text = ex.params.at(name);
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<std::int64_t>(id);
  } catch (const std::exception&) {
  }
  return app::Problem::not_found({not_found, {{"id", text}}});
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
      errors.push_back(app::field_error(name, domain::fmsg::whole_number_range, {{"min", min}, {"max", max}}));
    }
  };
  read("page", page.page, 1, 1000000);
  read("page_size", page.page_size, 1, 200);
  if (!errors.empty()) return app::Problem::validation(std::move(errors));
  return page;
}

namespace {

const char* storage_state(store::DbError::Kind kind) {
  switch (kind) {
    case store::DbError::Kind::storage_full: return "disk_full";
    case store::DbError::Kind::read_only: return "read_only";
    default: return "io_error";
  }
}

// 200 "ok"; 200 "busy" while an import holds the write lock (reads work, writes wait for it);
// 503 "degraded" when the database cannot be reached or its storage refuses writes. Public, so
// the imports are shown by kind, start and progress only: who started them and from which file
// is for signed-in writers (the import_in_progress problem).
Response health_response(Exchange& ex, store::Database& db) {
  std::string database = "ok";
  boost::json::array imports;
  boost::json::object body{{"version", KC_VERSION}};
  try {
    auto conn = db.acquire();
    if (!store::ping(*conn)) database = "unreachable";
    std::optional<store::StorageAlarm> alarm = store::storage_alarm();
    if (!alarm) {
      if (auto probed = store::probe_storage(*conn)) alarm = store::StorageAlarm{*probed, domain::now_epoch_seconds()};
    }
    if (alarm && database == "ok") {
      database = storage_state(alarm->kind);
      body["database_since"] = domain::to_iso_utc(alarm->since);
    }
  } catch (const std::exception&) {
    database = "unreachable";
  }
  try {
    for (const auto& run : store::live_import_runs(db)) {
      imports.push_back({{"kind", run.kind}, {"since", run.started_at}, {"rows_done", run.rows_done}});
    }
  } catch (const std::exception&) {
    // The import table cannot be read: report none rather than fail the health check.
  }
  const bool ok = database == "ok";
  body["status"] = !ok ? "degraded" : imports.empty() ? "ok" : "busy";
  body["database"] = database;
  body["imports"] = std::move(imports);
  return json_response(ex.request, ok ? beast_http::status::ok : beast_http::status::service_unavailable,
                       body);
}

}  // namespace

void add_system_routes(Router& router, Services& services) {
  router.add({beast_http::verb::get, "/api/v1/health", Access::public_, {}, "Server and database health",
              [&services](Exchange& ex) { return health_response(ex, services.db); }}).revalidate();
  router.add({beast_http::verb::get, "/api/v1/openapi.json", Access::public_, {}, "This API description",
              [&router](Exchange& ex) {
                return json_response(ex.request, beast_http::status::ok, openapi_document(router));
              }});
}

}  // namespace kc::http
