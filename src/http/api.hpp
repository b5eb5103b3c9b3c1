// Registration of the REST API's routes, grouped by subject. Each add_*_routes declares its
// routes' roles; tests/integration checks every route against every role.
#pragma once

#include "app/accounts/auth_service.hpp"
#include "app/accounts/user_service.hpp"
#include "app/audit/log_service.hpp"
#include "app/messages.hpp"
#include "app/registry/registry_service.hpp"
#include "app/registry/submission_service.hpp"
#include "http/responses.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace kc::http {

struct Services {
  store::Database& db;
  app::AuthService& auth;
  app::UserService& users;
  app::LogService& logs;
  app::RegistryService& registry;
  app::SubmissionService& submissions;
  bool secure_cookies = false;  // set the Secure flag on the session cookie (served over TLS)
};

void add_system_routes(Router& router, Services& services);
void add_auth_routes(Router& router, Services& services);
void add_user_routes(Router& router, Services& services);
void add_log_routes(Router& router, Services& services);
void add_registry_routes(Router& router, Services& services);
void add_rules_routes(Router& router, Services& services);
void add_submission_routes(Router& router, Services& services);
void add_index_routes(Router& router, Services& services);
void add_cultivation_routes(Router& router, Services& services);
void add_programme_routes(Router& router, Services& services);
void add_notice_routes(Router& router, Services& services);
void add_district_routes(Router& router, Services& services);
void add_engine_routes(Router& router, Services& services);
void add_indicator_routes(Router& router, Services& services);

// A positive integer path parameter; anything else is a 404 saying `not_found` (e.g.
// msg::no_user) with the text as its {id}.
app::Outcome<std::int64_t> path_id(const Exchange& ex, const char* name, const app::MessageDef& not_found);
// Reads `page` and `page_size` from the query (defaults 1 and 20, size at most 200).
app::Outcome<store::Page> read_page(const Exchange& ex);
// The Outcome's problem as a response, or the value through `make`.
template <class T, class F>
Response respond(const Exchange& ex, app::Outcome<T>& outcome, F&& make) {
  if (!outcome) return problem_response(ex.request, outcome.problem());
  return make(outcome.value());
}

}  // namespace kc::http
