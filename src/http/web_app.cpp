#include "http/web_app.hpp"

#include "app/messages.hpp"
#include "crypto/crypto.hpp"
#include "http/responses.hpp"

namespace kc::http {

WebApp::WebApp(store::Database& db, app::SecurityPolicy policy, std::filesystem::path web_dir,
               bool secure_cookies, std::string metrics_token)
    : db_(db),
      auth_(db, policy),
      users_(db),
      logs_(db),
      registry_(db),
      submissions_(db),
      services_{db, auth_, users_, logs_, registry_, submissions_, secure_cookies},
      router_(auth_),
      static_files_(std::move(web_dir)),
      metrics_token_(std::move(metrics_token)) {
  add_system_routes(router_, services_);
  add_auth_routes(router_, services_);
  add_user_routes(router_, services_);
  add_log_routes(router_, services_);
  add_registry_routes(router_, services_);
  add_rules_routes(router_, services_);
  add_submission_routes(router_, services_);
  add_index_routes(router_, services_);
  add_cultivation_routes(router_, services_);
  add_district_routes(router_, services_);
  add_engine_routes(router_, services_);
  add_indicator_routes(router_, services_);
  add_programme_routes(router_, services_);
  add_notice_routes(router_, services_);
}

RequestPlan WebApp::plan(const RequestHeader& header) const {
  const std::string_view target = header.target();
  if (!target.starts_with("/api/")) return {};
  const Route* route = router_.find(header.method(), target.substr(0, target.find('?')));
  if (!route) return {};
  RequestPlan plan;
  plan.upload = route->upload;
  plan.heavy = route->lane == Lane::heavy;
  plan.admit_first = plan.upload || plan.heavy;
  return plan;
}

Admission WebApp::admit(const RequestHeader& header, const Peer& peer) {
  const std::string_view target = header.target();
  const Route* route = router_.find(header.method(), target.substr(0, target.find('?')));
  if (!route || route->access == Access::public_) return {std::nullopt, "ip:" + peer.ip};
  Request head;  // problem responses take the version from a request
  head.version(header.version());
  auto session = auth_.authenticate(cookie_value(header[beast_http::field::cookie], "kc_session"));
  if (!session) return {Reply{problem_response(head, session.problem()), ""}, ""};
  const app::Role role = session->actor(peer.ip, "").role;
  if (route->access == Access::roles && !route->roles.contains(role)) {
    return {Reply{problem_response(head, app::Problem::forbidden(
                                             {app::msg::role_may_not_use, {{"role", std::string(app::to_string(role))}}})),
                  session->user.username},
            ""};
  }
  // The router checks the rest (CSRF token, a pending password change) once the body is read.
  return {std::nullopt, "user:" + std::to_string(session->user.id)};
}

Application WebApp::application() {
  return {[this](const RequestHeader& h) { return plan(h); },
          [this](const RequestHeader& h, const Peer& p) { return admit(h, p); },
          [this](const Request& r, const Peer& p) { return handle(r, p); }};
}

Reply WebApp::handle(const Request& request, const Peer& peer) {
  const std::string_view target = request.target();
  if (target.starts_with("/api/")) return router_.dispatch(request, peer);
  if (target == "/metrics" || target.starts_with("/metrics?")) {
    // Metrics are for the operator: loopback scrapers, or others holding the metrics token.
    const bool loopback = peer.ip.starts_with("127.") || peer.ip == "::1";
    const std::string bearer = "Bearer " + metrics_token_;
    if (!loopback && (metrics_token_.empty() ||
                      !crypto::equal_secrets(request[beast_http::field::authorization], bearer))) {
      return {problem_response(request, app::Problem::forbidden({app::msg::metrics_not_served})),
              ""};
    }
    Response res{beast_http::status::ok, request.version()};
    res.set(beast_http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    res.set(beast_http::field::cache_control, "no-store");
    res.body() = metrics_.render(db_.stats());
    res.prepare_payload();
    return {std::move(res), ""};
  }
  return {static_files_.serve(request), ""};
}

}  // namespace kc::http
