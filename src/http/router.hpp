// The API's route table. Every route declares who may call it; the router authenticates the
// session, checks the role, the CSRF token and a pending password change before any handler runs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/auth_service.hpp"
#include "app/roles.hpp"
#include "http/types.hpp"

namespace kc::http {

enum class Access { public_, signed_in, roles };

struct Route {
  beast_http::verb method;
  std::string pattern;  // "/api/v1/users/{id}"
  Access access = Access::roles;
  app::RoleSet roles;   // when access == roles
  std::string summary;  // for the OpenAPI document
  std::function<Response(Exchange&)> handler;
  bool allowed_before_password_change = false;
};

class Router {
 public:
  explicit Router(app::AuthService& auth) : auth_(auth) {}

  void add(Route route);
  // Finds the route, authenticates and authorises, and runs the handler. Never throws for
  // expected failures: they become problem responses.
  Reply dispatch(const Request& request, const Peer& peer);
  const std::vector<Route>& routes() const { return routes_; }

 private:
  app::AuthService& auth_;
  std::vector<Route> routes_;
};

// Cookie value by name from a Cookie header ("" when absent).
std::string cookie_value(std::string_view header, std::string_view name);
// Splits "a=1&b=x%20y" into decoded pairs.
std::map<std::string, std::string> parse_query(std::string_view query);

}  // namespace kc::http
