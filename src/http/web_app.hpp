// Everything `kechuang serve` answers: the REST API, /metrics and the single-page app.
#pragma once

#include <filesystem>
#include <memory>

#include "app/accounts/auth_service.hpp"
#include "app/accounts/user_service.hpp"
#include "app/audit/log_service.hpp"
#include "http/api.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace kc::http {

class WebApp {
 public:
  WebApp(store::Database& db, app::SecurityPolicy policy, std::filesystem::path web_dir,
         bool secure_cookies, std::string metrics_token = "");
  Reply handle(const Request& request, const Peer& peer);
  // Once a request's header is read: its route's body limit and lane (cheap, on the I/O thread).
  RequestPlan plan(const RequestHeader& header) const;
  // Before the body of an upload or heavy route is read (on a worker): the session and role
  // checks, and the caller's key for the per-user heavy limit.
  Admission admit(const RequestHeader& header, const Peer& peer);
  // The three above, for the Server.
  Application application();
  Metrics& metrics() { return metrics_; }
  const Router& router() const { return router_; }

 private:
  store::Database& db_;
  app::AuthService auth_;
  app::UserService users_;
  app::LogService logs_;
  app::RegistryService registry_;
  app::SubmissionService submissions_;
  Services services_;
  Router router_;
  StaticFiles static_files_;
  Metrics metrics_;
  std::string metrics_token_;  // lets non-loopback scrapers in with "Authorization: Bearer …"
};

}  // namespace kc::http
