#include "app/policy/rules_service.hpp"
#include "domain/timestamp.hpp"
#include "http/api.hpp"

namespace kc::http {

void add_rules_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/rules/{policy}/enterprises/{id}", Access::roles,
              {app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::enterprise},
              "Evaluate a registry enterprise (as_of=YYYY-MM-DD, default today): verdict, conditions, gaps",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_enterprise);
                if (!id) return problem_response(ex.request, id.problem());
                const std::string today = domain::to_iso_utc(domain::now_epoch_seconds()).substr(0, 10);
                auto output = app::evaluate_registry_enterprise(s.db, ex.actor, ex.params.at("policy"), id.value(),
                                                                ex.query_value("as_of", today));
                if (!output) return problem_response(ex.request, output.problem());
                return json_text_response(ex.request, std::move(output.value()));
              }});
  router.add({beast_http::verb::post, "/api/v1/rules/{policy}/evaluate", Access::roles,
              {app::Role::admin, app::Role::staff, app::Role::reviewer},
              "Evaluate enterprises (policy-rules §6.2 JSON) against hte, sme or a policy version id",
              [](Exchange& ex) {
                auto output = app::evaluate_policy(ex.actor, ex.params.at("policy"), ex.request.body());
                if (!output) return problem_response(ex.request, output.problem());
                return json_text_response(ex.request, std::move(output.value()));
              }}).heavy().large_body();
}

}  // namespace kc::http
