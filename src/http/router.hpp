// The API's route table. Every route declares who may call it; the router authenticates the
// session, checks the role, the CSRF token and a pending password change before any handler runs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/accounts/auth_service.hpp"
#include "app/roles.hpp"
#include "http/types.hpp"

namespace kc::http {

enum class Access { public_, signed_in, roles };

// Where a route's handler runs: heavy routes (CPU- or long database-bound: index analyses,
// imports, exports) on their own pool, with a per-user limit, so the rest never waits behind them.
enum class Lane { normal, heavy };

struct Route {
  beast_http::verb method;
  std::string pattern;  // "/api/v1/users/{id}"
  Access access = Access::roles;
  app::RoleSet roles;   // when access == roles
  std::string summary;  // for the OpenAPI document
  std::function<Response(Exchange&)> handler;
  bool allowed_before_password_change = false;
  Lane lane = Lane::normal;
  // An upload route takes a body up to the server's large limit (--max-body-mb), and only from a
  // signed-in caller, checked before the body is read; every other route has the small limit.
  bool upload = false;
  // For the whole installation's users only (accounts, the logs): they span every district, so a
  // user with a region scope is refused (403 installation_admins_only) and "may" leaves them out.
  bool installation_wide = false;
  // A hot read: its 200s carry an ETag and answer If-None-Match with 304 (http/revalidation.hpp),
  // per user unless the route is public.
  bool conditional = false;

  // Marks in a route declaration: `router.add({...}).heavy().large_body();`
  Route& heavy() {
    lane = Lane::heavy;
    return *this;
  }
  Route& large_body() {
    upload = true;
    return *this;
  }
  Route& whole_installation() {
    installation_wide = true;
    return *this;
  }
  Route& revalidate() {
    conditional = true;
    return *this;
  }
};

class Router {
 public:
  explicit Router(app::AuthService& auth) : auth_(auth) {}

  Route& add(Route route);  // the stored route, to mark it (valid until the next add)
  // Finds the route, authenticates and authorises, and runs the handler. Never throws for
  // expected failures: they become problem responses.
  Reply dispatch(const Request& request, const Peer& peer);
  const std::vector<Route>& routes() const { return routes_; }
  // The route serving `method` on `path` (without the query), or nullptr. HEAD is served by the
  // GET route of the path.
  const Route* find(beast_http::verb method, std::string_view path) const;

 private:
  app::AuthService& auth_;
  std::vector<Route> routes_;
};

// Cookie value by name from a Cookie header ("" when absent).
std::string cookie_value(std::string_view header, std::string_view name);
// Splits "a=1&b=x%20y" into decoded pairs.
std::map<std::string, std::string> parse_query(std::string_view query);

}  // namespace kc::http
