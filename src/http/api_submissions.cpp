#include "http/api.hpp"
#include "http/json_body.hpp"

namespace kc::http {
namespace {

const app::RoleSet kStaff{app::Role::admin, app::Role::staff};

Response one(const Exchange& ex, app::Outcome<app::Submission>& result) {
  return respond(ex, result, [&](app::Submission& s) {
    return json_response(ex.request, beast_http::status::ok, {{"submission", app::submission_to_json(s)}});
  });
}

}  // namespace

void add_submission_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/submissions", Access::roles,
              {app::Role::admin, app::Role::staff, app::Role::enterprise},
              "Enterprise submissions (staff: all; an enterprise: its own); status filter", [&s](Exchange& ex) {
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                auto result = s.submissions.list(ex.actor, ex.query_value("status"), page.value());
                return respond(ex, result, [&](app::SubmissionPage& p) {
                  boost::json::array items;
                  for (const auto& sub : p.items) items.push_back(app::submission_to_json(sub));
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"items", std::move(items)},
                                        {"total", p.total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
                });
              }});
  router.add({beast_http::verb::post, "/api/v1/submissions/{id}/approve", Access::roles, kStaff,
              "Approve a submission: its change is written", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_submission);
                if (!id) return problem_response(ex.request, id.problem());
                auto result = s.submissions.approve(ex.actor, id.value());
                return one(ex, result);
              }});
  router.add({beast_http::verb::post, "/api/v1/submissions/{id}/reject", Access::roles, kStaff,
              "Reject a submission with a note to the enterprise", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_submission);
                if (!id) return problem_response(ex.request, id.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"note"});
                const auto note = fields.optional_string("note", 2000).value_or("");
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                auto result = s.submissions.reject(ex.actor, id.value(), note);
                return one(ex, result);
              }});
}

}  // namespace kc::http
