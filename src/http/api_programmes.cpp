#include "app/policy/programmes.hpp"
#include "domain/timestamp.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"

namespace kc::http {
namespace {

const app::RoleSet kReaders{app::Role::admin, app::Role::staff, app::Role::reviewer};
const app::RoleSet kAdmin{app::Role::admin};

boost::json::object programme_to_json(const app::ProgrammeRecord& p) {
  return {{"id", p.id},
          {"code", p.code},
          {"definition", p.definition},
          {"region_code", p.region_code ? boost::json::value(*p.region_code) : boost::json::value(nullptr)},
          {"updated_by", p.updated_by},
          {"updated_at", p.updated_at}};
}

Response save(Services& s, Exchange& ex, std::optional<std::int64_t> id) {
  auto body = parse_json_object(ex.request.body());
  if (!body) return problem_response(ex.request, body.problem());
  // The definition's own fields, and where the programme lies (region_code: a code, or null for
  // the whole installation), which is not part of the definition.
  FieldReader fields(body.value());
  const app::RegionChoice region = fields.nullable_string("region_code", 6);
  if (!fields.ok()) return problem_response(ex.request, fields.problem());
  body.value().erase("region_code");
  auto saved = app::Programmes(s.db).save(ex.actor, id, body.value(), region);
  return respond(ex, saved, [&](app::ProgrammeRecord& p) {
    return json_response(ex.request, id ? beast_http::status::ok : beast_http::status::created, programme_to_json(p));
  });
}

}  // namespace

void add_programme_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/programmes/facts", Access::roles, kReaders,
              "The facts programme conditions may use", [](Exchange& ex) {
                boost::json::array facts;
                for (const auto& [name, info] : app::programme_fact_schema()) {
                  facts.push_back({{"name", name},
                                   {"type", info.type == rules::FactType::number ? "number" : "boolean"},
                                   {"zh", info.zh},
                                   {"en", info.en},
                                   {"unit", info.unit}});
                }
                return json_response(ex.request, beast_http::status::ok, {{"facts", std::move(facts)}});
              }});
  router.add({beast_http::verb::get, "/api/v1/programmes", Access::roles, kReaders, "The district's programmes",
              [&s](Exchange& ex) {
                auto list = app::Programmes(s.db).list(ex.actor);
                return respond(ex, list, [&](std::vector<app::ProgrammeRecord>& items) {
                  boost::json::array out;
                  for (const auto& p : items) out.push_back(programme_to_json(p));
                  return json_response(ex.request, beast_http::status::ok, {{"items", std::move(out)}});
                });
              }});
  router.add({beast_http::verb::post, "/api/v1/programmes", Access::roles, kAdmin,
              "Create a programme (conditions checked when saved)", [&s](Exchange& ex) { return save(s, ex, std::nullopt); }});
  router.add({beast_http::verb::get, "/api/v1/programmes/{id}", Access::roles, kReaders, "One programme",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_programme);
                if (!id) return problem_response(ex.request, id.problem());
                auto p = app::Programmes(s.db).get(ex.actor, id.value());
                return respond(ex, p, [&](app::ProgrammeRecord& r) {
                  return json_response(ex.request, beast_http::status::ok, programme_to_json(r));
                });
              }});
  router.add({beast_http::verb::put, "/api/v1/programmes/{id}", Access::roles, kAdmin, "Replace a programme",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_programme);
                if (!id) return problem_response(ex.request, id.problem());
                return save(s, ex, id.value());
              }});
  router.add({beast_http::verb::delete_, "/api/v1/programmes/{id}", Access::roles, kAdmin, "Delete a programme",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_programme);
                if (!id) return problem_response(ex.request, id.problem());
                auto st = app::Programmes(s.db).remove(ex.actor, id.value());
                if (!st) return problem_response(ex.request, st.problem());
                return no_content(ex.request);
              }});
  router.add({beast_http::verb::get, "/api/v1/programmes/{id}/enterprises/{enterprise}", Access::roles,
              {app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::enterprise},
              "Check a registry enterprise against a programme (as_of): verdict, conditions, subsidy",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_programme);
                if (!id) return problem_response(ex.request, id.problem());
                auto enterprise = path_id(ex, "enterprise", app::msg::no_enterprise);
                if (!enterprise) return problem_response(ex.request, enterprise.problem());
                const std::string today = domain::to_iso_utc(domain::now_epoch_seconds()).substr(0, 10);
                auto result = app::Programmes(s.db).evaluate(ex.actor, id.value(), enterprise.value(),
                                                             ex.query_value("as_of", today));
                return respond(ex, result, [&](boost::json::object& o) {
                  return json_response(ex.request, beast_http::status::ok, o);
                });
              }});
}

}  // namespace kc::http
