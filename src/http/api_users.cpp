#include "app/accounts/user_json.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/responses.hpp"

namespace kc::http {
namespace {

const app::RoleSet kAdmin{app::Role::admin};

}  // namespace

void add_user_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/users", Access::roles, kAdmin, "List users",
              [&s](Exchange& ex) {
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                auto result = s.users.list(ex.actor, ex.query_value("q"), page.value());
                return respond(ex, result, [&](app::UserPage& p) {
                  boost::json::array items;
                  for (const auto& u : p.items) items.push_back(app::user_to_json(u));
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"items", std::move(items)},
                                        {"total", p.total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
                });
              }}).whole_installation();
  router.add({beast_http::verb::post, "/api/v1/users", Access::roles, kAdmin, "Create a user",
              [&s](Exchange& ex) {
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"username", "display_name", "role", "password", "enterprise_id", "region_code", "department"});
                app::NewUser request;
                request.username = fields.required_string("username", 64);
                request.display_name = fields.optional_string("display_name", 200).value_or("");
                request.role = fields.required_string("role", 20);
                request.password = fields.optional_string("password", 1024);
                request.enterprise_id = fields.optional_integer("enterprise_id");
                request.region_code = fields.optional_string("region_code", 20);
                request.department = fields.optional_string("department", 1000).value_or("");
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                auto created = s.users.create(ex.actor, request);
                return respond(ex, created, [&](app::CreatedUser& c) {
                  boost::json::object out{{"user", app::user_to_json(c.user)}};
                  if (c.initial_password) out["initial_password"] = *c.initial_password;
                  return json_response(ex.request, beast_http::status::created, out);
                });
              }}).whole_installation();
  router.add({beast_http::verb::patch, "/api/v1/users/{id}", Access::roles, kAdmin,
              "Change a user's name, department, role, enterprise, region scope or disabled flag", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_user);
                if (!id) return problem_response(ex.request, id.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"display_name", "role", "disabled", "enterprise_id", "region_code", "department"});
                app::UserChanges changes;
                changes.display_name = fields.optional_string("display_name", 200);
                changes.role = fields.optional_string("role", 20);
                changes.disabled = fields.optional_bool("disabled");
                changes.department = fields.optional_string("department", 1000);
                // Present and null clears the enterprise; absent leaves it.
                if (body->contains("enterprise_id")) changes.enterprise_id = fields.optional_integer("enterprise_id");
                // The same for the region scope: null is the whole installation.
                if (body->contains("region_code")) changes.region_code = fields.optional_string("region_code", 20);
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                auto updated = s.users.update(ex.actor, id.value(), changes);
                return respond(ex, updated, [&](store::UserRecord& u) {
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"user", app::user_to_json(u)}});
                });
              }}).whole_installation();
  router.add({beast_http::verb::post, "/api/v1/users/{id}/reset-password", Access::roles, kAdmin,
              "Reset a user's password to a generated one", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_user);
                if (!id) return problem_response(ex.request, id.problem());
                auto password = s.users.reset_password(ex.actor, id.value());
                return respond(ex, password, [&](std::string& p) {
                  return json_response(ex.request, beast_http::status::ok, {{"initial_password", p}});
                });
              }}).whole_installation();
  router.add({beast_http::verb::delete_, "/api/v1/users/{id}/sessions", Access::roles, kAdmin,
              "End every session of a user", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_user);
                if (!id) return problem_response(ex.request, id.problem());
                auto status = s.users.end_sessions(ex.actor, id.value());
                if (!status) return problem_response(ex.request, status.problem());
                return no_content(ex.request);
              }}).whole_installation();
}

}  // namespace kc::http
