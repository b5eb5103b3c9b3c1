// 通知公告: GET /notices (every signed-in user: the published notices of their region, with their
// read marks) and the management routes of administrators and staff (app/notices/notice_service.hpp).
#include "app/notices/notice_service.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"

namespace kc::http {
namespace {

const app::RoleSet kManagers{app::Role::admin, app::Role::staff};
constexpr std::size_t kTextBytes = 1 << 20;  // the body limit caps it; lengths in characters are app's

boost::json::value nullable(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

boost::json::object notice_to_json(const store::NoticeRow& n, bool with_read) {
  boost::json::object o{{"id", n.id},
                        {"title", n.title},
                        {"body", n.body},
                        {"region_code", nullable(n.region_code)},
                        {"status", n.status},
                        {"published_at", nullable(n.published_at)},
                        {"created_by", n.created_by},
                        {"created_at", n.created_at},
                        {"updated_by", n.updated_by},
                        {"updated_at", n.updated_at}};
  if (with_read) o["read"] = n.read;
  return o;
}

Response page_response(const Exchange& ex, const app::NoticePage& p, const store::Page& page, bool with_read) {
  boost::json::array items;
  for (const auto& n : p.items) items.push_back(notice_to_json(n, with_read));
  boost::json::object out{{"items", std::move(items)},
                          {"total", p.total},
                          {"page", page.page},
                          {"page_size", page.page_size}};
  if (with_read) out["unread"] = p.unread;
  return json_response(ex.request, beast_http::status::ok, out);
}

// title, body and where the notice lies (region_code: a code, or null for the whole installation).
app::Outcome<app::NoticeDraft> read_draft(const Exchange& ex) {
  auto body = parse_json_object(ex.request.body());
  if (!body) return body.problem();
  FieldReader fields(body.value());
  fields.allow_only({"title", "body", "region_code"});
  app::NoticeDraft draft;
  draft.title = fields.optional_string("title", kTextBytes).value_or("");
  draft.body = fields.optional_string("body", kTextBytes).value_or("");
  draft.region = fields.nullable_string("region_code", 20);
  if (!fields.ok()) return fields.problem();
  return draft;
}

Response notice_response(const Exchange& ex, app::Outcome<store::NoticeRow>& result, beast_http::status status) {
  return respond(ex, result, [&](store::NoticeRow& n) { return json_response(ex.request, status, notice_to_json(n, false)); });
}

// The routes on one notice that change its status: POST /notices/{id}/publish and /withdraw.
template <class Method>
std::function<Response(Exchange&)> status_change(Services& s, Method method) {
  return [&s, method](Exchange& ex) {
    auto id = path_id(ex, "id", app::msg::no_notice);
    if (!id) return problem_response(ex.request, id.problem());
    app::NoticeService notices(s.db);
    auto result = (notices.*method)(ex.actor, id.value());
    return notice_response(ex, result, beast_http::status::ok);
  };
}

}  // namespace

void add_notice_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/notices", Access::signed_in, {},
              "Published notices of the reader's region, newest first, with read marks (unread=true: unread only)",
              [&s](Exchange& ex) {
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                auto result = app::NoticeService(s.db).published(ex.actor, page.value(), ex.query_value("unread") == "true");
                return respond(ex, result, [&](app::NoticePage& p) { return page_response(ex, p, page.value(), true); });
              }});
  router.add({beast_http::verb::get, "/api/v1/notices/managed", Access::roles, kManagers,
              "Every notice of the scope in any status (status=draft|published|withdrawn), for their editors",
              [&s](Exchange& ex) {
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                const std::string status = ex.query_value("status");
                auto result = app::NoticeService(s.db).managed(
                    ex.actor, status.empty() ? std::nullopt : std::optional<std::string>(status), page.value());
                return respond(ex, result, [&](app::NoticePage& p) { return page_response(ex, p, page.value(), false); });
              }});
  router.add({beast_http::verb::post, "/api/v1/notices", Access::roles, kManagers,
              "Write a notice (a draft until published)", [&s](Exchange& ex) {
                auto draft = read_draft(ex);
                if (!draft) return problem_response(ex.request, draft.problem());
                auto result = app::NoticeService(s.db).create(ex.actor, draft.value());
                return notice_response(ex, result, beast_http::status::created);
              }});
  router.add({beast_http::verb::put, "/api/v1/notices/{id}", Access::roles, kManagers,
              "Replace a notice's title, body and region", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_notice);
                if (!id) return problem_response(ex.request, id.problem());
                auto draft = read_draft(ex);
                if (!draft) return problem_response(ex.request, draft.problem());
                auto result = app::NoticeService(s.db).update(ex.actor, id.value(), draft.value());
                return notice_response(ex, result, beast_http::status::ok);
              }});
  router.add({beast_http::verb::post, "/api/v1/notices/{id}/publish", Access::roles, kManagers,
              "Publish a notice to the readers of its region", status_change(s, &app::NoticeService::publish)});
  router.add({beast_http::verb::post, "/api/v1/notices/{id}/withdraw", Access::roles, kManagers,
              "Withdraw a published notice", status_change(s, &app::NoticeService::withdraw)});
  router.add({beast_http::verb::delete_, "/api/v1/notices/{id}", Access::roles, kManagers, "Delete a notice",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_notice);
                if (!id) return problem_response(ex.request, id.problem());
                auto st = app::NoticeService(s.db).remove(ex.actor, id.value());
                if (!st) return problem_response(ex.request, st.problem());
                return no_content(ex.request);
              }});
  router.add({beast_http::verb::post, "/api/v1/notices/{id}/read", Access::signed_in, {},
              "Mark a published notice read by the signed-in user", [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_notice);
                if (!id) return problem_response(ex.request, id.problem());
                auto st = app::NoticeService(s.db).mark_read(ex.actor, id.value());
                if (!st) return problem_response(ex.request, st.problem());
                return no_content(ex.request);
              }});
}

}  // namespace kc::http
