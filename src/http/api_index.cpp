#include "app/index/index_convert.hpp"
#include "app/index/index_definitions.hpp"
#include "app/index/index_export.hpp"
#include "app/index/index_service.hpp"
#include "domain/field_messages.hpp"
#include "http/api.hpp"
#include "http/audited_export.hpp"
#include "http/json_body.hpp"
#include "http/xlsx_download.hpp"

namespace kc::http {
namespace {

const app::RoleSet kBureau{app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer};

// The spec and vary documents arrive as JSON objects and are handed on as text.
std::string object_text(const boost::json::object& body, const char* name) {
  auto* v = body.if_contains(name);
  return v && v->is_object() ? boost::json::serialize(*v) : std::string();
}

const app::RoleSet kWriters{app::Role::admin, app::Role::staff};

// `format` of the build and uncertainty routes: JSON (default) or an XLSX download.
app::Outcome<bool> wants_xlsx(const Exchange& ex) {
  const std::string f = ex.query_value("format", "json");
  if (f == "json") return false;
  if (f == "xlsx") return true;
  return app::Problem::validation({app::field_error("format", domain::fmsg::not_choice, {{"allowed", "json, xlsx"}})});
}

// The fields of a build request body shared by the build and uncertainty routes, and the time the
// server gives such a request (`serve --heavy-request-seconds`). Panel data: `time` (the year to
// build) and `panel_impute` ("latest" or "linear"), as `index build --time/--panel-impute`.
void read_index_fields(Services& s, FieldReader& fields, const boost::json::object& body,
                       app::IndexRequest& request) {
  request.time_budget_seconds = s.auth.policy().heavy_request_seconds;
  request.data_csv = fields.required_string("data", 8 << 20);
  request.meta_csv = fields.required_string("meta", 1 << 20);
  request.spec_json = object_text(body, "spec");
  if (auto time = fields.optional_integer("time")) request.time = static_cast<double>(*time);
  if (auto impute = fields.optional_string("panel_impute", 20)) request.panel_impute = *impute;
}

Response save_definition(Services& s, Exchange& ex, std::optional<std::int64_t> id) {
  auto body = parse_json_object(ex.request.body());
  if (!body) return problem_response(ex.request, body.problem());
  FieldReader fields(body.value());
  fields.allow_only({"name", "description", "data_source", "data", "meta", "spec", "region_code"});
  app::IndexDefinition d;
  d.name = fields.required_string("name", 200);
  d.description = fields.optional_string("description", 4000).value_or("");
  d.data_source = fields.required_string("data_source", 40);
  d.data_csv = fields.optional_string("data", 8 << 20);
  d.meta_csv = fields.required_string("meta", 1 << 20);
  d.spec_json = object_text(body.value(), "spec");
  d.region_choice = fields.nullable_string("region_code", 6);
  if (!fields.ok()) return problem_response(ex.request, fields.problem());
  app::IndexDefinitions definitions(s.db);
  auto saved = definitions.save(ex.actor, id, std::move(d));
  return respond(ex, saved, [&](app::IndexDefinition& def) {
    return json_response(ex.request, id ? beast_http::status::ok : beast_http::status::created,
                         app::definition_to_json(def, true));
  });
}

}  // namespace

void add_index_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/index/region-data", Access::roles, kBureau,
              "iData and a flat iMeta from the registry's region statistics of a year (year=YYYY)",
              [&s](Exchange& ex) {
                int year = 0;
                try {
                  year = std::stoi(ex.query_value("year", "0"));
                } catch (const std::exception&) {
                }
                if (year < 1949 || year > 2100) {
                  return problem_response(ex.request, app::Problem::validation({app::field_error(
                                                          "year", domain::fmsg::year_range, {{"min", 1949}, {"max", 2100}})}));
                }
                auto data = app::region_index_data(s.db, ex.actor, year);
                return respond(ex, data, [&](app::RegionIndexData& d) {
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"data", d.data_csv}, {"meta", d.meta_csv}, {"regions", d.regions}});
                });
              }});
  router.add({beast_http::verb::get, "/api/v1/index/definitions", Access::roles, kBureau,
              "Saved index definitions", [&s](Exchange& ex) {
                auto list = app::IndexDefinitions(s.db).list(ex.actor);
                return respond(ex, list, [&](std::vector<app::IndexDefinition>& items) {
                  boost::json::array out;
                  for (const auto& d : items) out.push_back(app::definition_to_json(d, false));
                  return json_response(ex.request, beast_http::status::ok, {{"items", std::move(out)}});
                });
              }});
  router.add({beast_http::verb::post, "/api/v1/index/definitions", Access::roles, kWriters,
              "Save a new index definition (it must build)", [&s](Exchange& ex) { return save_definition(s, ex, std::nullopt); }}).heavy().large_body();
  router.add({beast_http::verb::get, "/api/v1/index/definitions/{id}", Access::roles, kBureau,
              "One index definition with its data, framework and spec", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_index_definition);
                if (!id) return problem_response(ex.request, id.problem());
                auto d = app::IndexDefinitions(s.db).get(ex.actor, id.value());
                return respond(ex, d, [&](app::IndexDefinition& def) {
                  return json_response(ex.request, beast_http::status::ok, app::definition_to_json(def, true));
                });
              }});
  router.add({beast_http::verb::put, "/api/v1/index/definitions/{id}", Access::roles, kWriters,
              "Replace an index definition", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_index_definition);
                if (!id) return problem_response(ex.request, id.problem());
                return save_definition(s, ex, id.value());
              }}).heavy().large_body();
  router.add({beast_http::verb::delete_, "/api/v1/index/definitions/{id}", Access::roles, kWriters,
              "Delete an index definition", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_index_definition);
                if (!id) return problem_response(ex.request, id.problem());
                auto st = app::IndexDefinitions(s.db).remove(ex.actor, id.value());
                if (!st) return problem_response(ex.request, st.problem());
                return no_content(ex.request);
              }});
  router.add({beast_http::verb::post, "/api/v1/index/build", Access::roles, kBureau,
              "Build a composite index: {data, meta (CSV text), spec?, datasets?, analysis?, profile?, what_if?} "
              "→ scores, ranks, diagnostics (format=xlsx: a workbook)",
              [&s](Exchange& ex) {
                auto xlsx = wants_xlsx(ex);
                if (!xlsx) return problem_response(ex.request, xlsx.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"data", "meta", "spec", "time", "panel_impute", "datasets", "analysis", "profile", "what_if"});
                app::IndexRequest request;
                read_index_fields(s, fields, body.value(), request);
                request.include_datasets = fields.optional_bool("datasets").value_or(false);
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                if (auto st = app::read_index_options(body.value(), request); !st) {
                  return problem_response(ex.request, st.problem());
                }
                auto built = app::run_index_build(ex.actor, request, xlsx.value());
                if (!built) return problem_response(ex.request, built.problem());
                if (xlsx.value()) {
                  return audited(s, ex,
                                 {"index_results", "xlsx", {},
                                  static_cast<std::int64_t>(built.value().data.units.codes.size())},
                                 xlsx_download(ex.request, "index-results.xlsx", [&](const std::filesystem::path& path) {
                                   return app::write_index_build_xlsx(built.value(), path);
                                 }));
                }
                return json_response(ex.request, beast_http::status::ok,
                                     app::index_build_json(built.value(), request.include_datasets));
              }}).heavy().large_body();
  router.add({beast_http::verb::post, "/api/v1/index/uncertainty", Access::roles, kBureau,
              "Uncertainty (and sensitivity) analysis: {data, meta, spec?, vary, runs, seed, sensitivity?} "
              "(format=xlsx: a workbook)",
              [&s](Exchange& ex) {
                auto xlsx = wants_xlsx(ex);
                if (!xlsx) return problem_response(ex.request, xlsx.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"data", "meta", "spec", "time", "panel_impute", "vary", "runs", "seed", "sensitivity"});
                app::UncertaintyRequest request;
                read_index_fields(s, fields, body.value(), request.index);
                request.vary_json = object_text(body.value(), "vary");
                const auto runs = fields.optional_integer("runs").value_or(1000);
                const auto seed = fields.optional_integer("seed").value_or(1);
                request.sensitivity = fields.optional_bool("sensitivity").value_or(false);
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                if (request.vary_json.empty()) {
                  return problem_response(ex.request,
                                          app::Problem::validation({app::field_error("vary", domain::fmsg::request_object_required)}));
                }
                if (runs < 1) {
                  return problem_response(ex.request,
                                          app::Problem::validation({app::field_error("runs", domain::fmsg::at_least, {{"min", 1}})}));
                }
                if (seed < 0) {
                  return problem_response(ex.request,
                                          app::Problem::validation({app::field_error("seed", domain::fmsg::at_least, {{"min", 0}})}));
                }
                request.runs = static_cast<std::size_t>(runs);
                request.seed = static_cast<std::uint64_t>(seed);
                auto result = app::run_index_uncertainty(ex.actor, request);
                if (!result) return problem_response(ex.request, result.problem());
                if (xlsx.value()) {
                  return audited(s, ex,
                                 {"index_uncertainty", "xlsx", {{"runs", runs}, {"seed", seed}},
                                  static_cast<std::int64_t>(request.runs)},
                                 xlsx_download(ex.request, "index-uncertainty.xlsx", [&](const std::filesystem::path& path) {
                                   return app::write_index_uncertainty_xlsx(result.value(), path);
                                 }));
                }
                return json_response(ex.request, beast_http::status::ok, app::index_uncertainty_json(result.value()));
              }}).heavy().large_body();
  router.add({beast_http::verb::post, "/api/v1/index/convert", Access::roles, kBureau,
              "One sheet of an .xlsx workbook sent as the body (≤ 8 MiB) as CSV text: {sheets, sheet, csv} (sheet=NAME)",
              [](Exchange& ex) {
                auto converted = app::xlsx_to_csv(ex.actor, ex.request.body(), ex.query_value("sheet"));
                return respond(ex, converted, [&](app::ConvertedSheet& c) {
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"sheets", boost::json::value_from(c.sheets)}, {"sheet", c.sheet}, {"csv", c.csv}});
                });
              }}).heavy().large_body();
}

}  // namespace kc::http
