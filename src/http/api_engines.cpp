// The assessment engine and the reviewer draw over the API: the request body is the engine's
// input document and the answer its output document, byte for byte what the CLI writes.
#include "app/engines/engine_documents.hpp"
#include "http/api.hpp"

namespace kc::http {

void add_engine_routes(Router& router, Services& s) {
  router.add({beast_http::verb::post, "/api/v1/assess", Access::roles,
              {app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer},
              "Assess units by a scheme (spec/assessment.md input document → output document)",
              [](Exchange& ex) {
                auto output = app::assess_document(ex.actor, ex.request.body());
                if (!output) return problem_response(ex.request, output.problem());
                return json_text_response(ex.request, std::move(output.value()));
              }}).heavy();
  router.add({beast_http::verb::post, "/api/v1/review/draw", Access::roles, {app::Role::admin, app::Role::staff},
              "Draw review panels with conflict avoidance (spec/review-draw.md input → output); audited",
              [&s](Exchange& ex) {
                auto output = app::draw_reviewers(s.db, ex.actor, ex.request.body());
                if (!output) return problem_response(ex.request, output.problem());
                return json_text_response(ex.request, std::move(output.value()));
              }}).heavy();
}

}  // namespace kc::http
