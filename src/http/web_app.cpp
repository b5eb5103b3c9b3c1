#include "http/web_app.hpp"

#include "app/crypto.hpp"
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
  add_programme_routes(router_, services_);
}

Reply WebApp::handle(const Request& request, const Peer& peer) {
  const std::string_view target = request.target();
  if (target.starts_with("/api/")) return router_.dispatch(request, peer);
  if (target == "/metrics" || target.starts_with("/metrics?")) {
    // Metrics are for the operator: loopback scrapers, or others holding the metrics token.
    const bool loopback = peer.ip.starts_with("127.") || peer.ip == "::1";
    const std::string bearer = "Bearer " + metrics_token_;
    if (!loopback && (metrics_token_.empty() ||
                      !app::equal_secrets(request[beast_http::field::authorization], bearer))) {
      return {problem_response(request, app::Problem::forbidden("Metrics are served to loopback or "
                                                                "with the metrics token.")),
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
