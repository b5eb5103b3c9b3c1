#include "app/index_service.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"

namespace kc::http {
namespace {

const app::RoleSet kBureau{app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer};

// The spec and vary documents arrive as JSON objects and are handed on as text.
std::string object_text(const boost::json::object& body, const char* name) {
  auto* v = body.if_contains(name);
  return v && v->is_object() ? boost::json::serialize(*v) : std::string();
}

}  // namespace

void add_index_routes(Router& router, Services&) {
  router.add({beast_http::verb::post, "/api/v1/index/build", Access::roles, kBureau,
              "Build a composite index: {data, meta (CSV text), spec?, datasets?} → scores, ranks, diagnostics",
              [](Exchange& ex) {
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"data", "meta", "spec", "datasets"});
                app::IndexRequest request;
                request.data_csv = fields.required_string("data", 8 << 20);
                request.meta_csv = fields.required_string("meta", 1 << 20);
                request.include_datasets = fields.optional_bool("datasets").value_or(false);
                request.spec_json = object_text(body.value(), "spec");
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                auto result = app::build_index(ex.actor, request);
                return respond(ex, result, [&](boost::json::object& o) {
                  return json_response(ex.request, beast_http::status::ok, o);
                });
              }});
  router.add({beast_http::verb::post, "/api/v1/index/uncertainty", Access::roles, kBureau,
              "Uncertainty (and sensitivity) analysis: {data, meta, spec?, vary, runs, seed, sensitivity?}",
              [](Exchange& ex) {
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"data", "meta", "spec", "vary", "runs", "seed", "sensitivity"});
                app::UncertaintyRequest request;
                request.index.data_csv = fields.required_string("data", 8 << 20);
                request.index.meta_csv = fields.required_string("meta", 1 << 20);
                request.index.spec_json = object_text(body.value(), "spec");
                request.vary_json = object_text(body.value(), "vary");
                const auto runs = fields.optional_integer("runs").value_or(1000);
                const auto seed = fields.optional_integer("seed").value_or(1);
                request.sensitivity = fields.optional_bool("sensitivity").value_or(false);
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                if (request.vary_json.empty()) {
                  return problem_response(ex.request, app::Problem::validation({{"vary", "is required (an object)"}}));
                }
                if (runs < 1 || seed < 0) {
                  return problem_response(ex.request, app::Problem::validation({{"runs", "must be positive"}}));
                }
                request.runs = static_cast<std::size_t>(runs);
                request.seed = static_cast<std::uint64_t>(seed);
                auto result = app::index_uncertainty(ex.actor, request);
                return respond(ex, result, [&](boost::json::object& o) {
                  return json_response(ex.request, beast_http::status::ok, o);
                });
              }});
}

}  // namespace kc::http
