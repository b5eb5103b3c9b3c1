#include "app/accounts/user_json.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/responses.hpp"

namespace kc::http {
namespace {

std::string session_cookie(const std::string& token, bool secure, std::int64_t max_age) {
  std::string cookie = "kc_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

// The role-restricted routes this role may call, as "METHOD /pattern": the route table is the one
// statement of who may do what, and the web shows pages and buttons from this list rather than from
// a copy of the role lists (docs/api.md, "Sign-in").
boost::json::array allowed_routes(const Router& router, app::Role role, bool scoped) {
  boost::json::array may;
  for (const auto& route : router.routes()) {
    if (route.access != Access::roles || !route.roles.contains(role)) continue;
    if (scoped && route.installation_wide) continue;
    may.push_back(boost::json::value(std::string(beast_http::to_string(route.method)) + " " + route.pattern));
  }
  return may;
}

boost::json::object signed_in_body(const Router& router, const store::UserRecord& user, const std::string& csrf) {
  const auto role = app::parse_role(user.role);
  return {{"user", app::user_to_json(user)},
          {"csrf_token", csrf},
          {"may", role ? allowed_routes(router, *role, user.region_code.has_value()) : boost::json::array{}}};
}

Response with_retry_after(Response res, const std::optional<std::int64_t>& seconds) {
  if (seconds) res.set(beast_http::field::retry_after, std::to_string(*seconds));
  return res;
}

}  // namespace

void add_auth_routes(Router& router, Services& s) {
  router.add({beast_http::verb::post, "/api/v1/auth/login", Access::public_, {}, "Sign in",
              [&s, &router](Exchange& ex) {
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                FieldReader fields(body.value());
                fields.allow_only({"username", "password"});
                const std::string username = fields.required_string("username", 200);
                const std::string password = fields.required_string("password", 1024);
                if (!fields.ok()) return problem_response(ex.request, fields.problem());
                std::optional<std::int64_t> retry_after;
                auto signed_in = s.auth.login(username, password, ex.peer.ip,
                                              std::string(ex.request[beast_http::field::user_agent]),
                                              &retry_after);
                if (!signed_in) return with_retry_after(problem_response(ex.request, signed_in.problem()), retry_after);
                auto res = json_response(ex.request, beast_http::status::ok,
                                         signed_in_body(router, signed_in->user, signed_in->csrf_token));
                res.set(beast_http::field::set_cookie,
                        session_cookie(signed_in->session_token, s.secure_cookies || ex.peer.tls,
                                       s.auth.policy().session_absolute_seconds));
                return res;
              }});
  Route logout{beast_http::verb::post, "/api/v1/auth/logout", Access::signed_in, {}, "Sign out",
               [&s](Exchange& ex) {
                 s.auth.logout(ex.session_token);
                 auto res = no_content(ex.request);
                 res.set(beast_http::field::set_cookie, session_cookie("", s.secure_cookies || ex.peer.tls, 0));
                 return res;
               }};
  logout.allowed_before_password_change = true;
  router.add(std::move(logout));

  Route me{beast_http::verb::get, "/api/v1/auth/me", Access::signed_in, {}, "The signed-in user",
           [&router](Exchange& ex) {
             return json_response(ex.request, beast_http::status::ok,
                                  signed_in_body(router, ex.session->user, ex.session->csrf_token));
           }};
  me.allowed_before_password_change = true;
  router.add(std::move(me));

  Route password{beast_http::verb::post, "/api/v1/auth/password", Access::signed_in, {},
                 "Change your own password", [&s](Exchange& ex) {
                   auto body = parse_json_object(ex.request.body());
                   if (!body) return problem_response(ex.request, body.problem());
                   FieldReader fields(body.value());
                   fields.allow_only({"current_password", "new_password"});
                   const auto current = fields.required_string("current_password", 1024);
                   const auto next = fields.required_string("new_password", 1024);
                   if (!fields.ok()) return problem_response(ex.request, fields.problem());
                   std::optional<std::int64_t> retry_after;
                   auto status = s.auth.change_password(*ex.session, ex.actor, current, next, &retry_after);
                   if (!status) return with_retry_after(problem_response(ex.request, status.problem()), retry_after);
                   return no_content(ex.request);
                 }};
  password.allowed_before_password_change = true;
  router.add(std::move(password));
}

}  // namespace kc::http
