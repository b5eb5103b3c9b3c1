#include "app/rules_service.hpp"
#include "http/api.hpp"

namespace kc::http {

void add_rules_routes(Router& router, Services&) {
  router.add({beast_http::verb::post, "/api/v1/rules/{policy}/evaluate", Access::roles,
              {app::Role::admin, app::Role::staff, app::Role::reviewer},
              "Evaluate enterprises (policy-rules §6.2 JSON) against hte, sme or a policy version id",
              [](Exchange& ex) {
                auto output = app::evaluate_policy(ex.actor, ex.params.at("policy"), ex.request.body());
                if (!output) return problem_response(ex.request, output.problem());
                Response res{beast_http::status::ok, ex.request.version()};
                res.set(beast_http::field::content_type, "application/json; charset=utf-8");
                res.set(beast_http::field::cache_control, "no-store");
                res.body() = std::move(output.value());
                res.prepare_payload();
                return res;
              }});
}

}  // namespace kc::http
