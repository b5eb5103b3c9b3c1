#include "http/router.hpp"

#include <boost/url.hpp>

#include "app/messages.hpp"
#include "crypto/crypto.hpp"
#include "http/responses.hpp"
#include "http/revalidation.hpp"

namespace kc::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    const std::size_t stop = end == std::string_view::npos ? path.size() : end;
    parts.push_back(path.substr(start, stop - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool match(const std::string& pattern, std::string_view path, std::map<std::string, std::string>& params) {
  const auto want = split_path(pattern);
  const auto have = split_path(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (have[i].empty()) return false;
      found[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(have[i]);
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

bool changes_state(beast_http::verb v) {
  return v == beast_http::verb::post || v == beast_http::verb::put || v == beast_http::verb::patch ||
         v == beast_http::verb::delete_;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "Text/CSV; charset=utf-8" → "text/csv".
std::string media_type(std::string_view header) { return lower(trim(header.substr(0, header.find(';')))); }

constexpr std::string_view kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Upload routes and the file types they document, accepted besides JSON. Never text/plain,
// application/x-www-form-urlencoded or multipart/form-data, which a cross-site form can send.
const std::vector<std::string_view>* upload_types(const std::string& pattern) {
  static const std::vector<std::string_view> table_files = {"text/csv", kXlsx, "application/vnd.ms-excel",
                                                            "application/octet-stream"};
  static const std::vector<std::string_view> workbooks = {kXlsx, "application/octet-stream"};
  if (pattern == "/api/v1/registry/{kind}/import" || pattern == "/api/v1/registry/{kind}/import/errors") {
    return &table_files;
  }
  if (pattern == "/api/v1/index/convert") return &workbooks;
  return nullptr;
}

std::optional<app::Problem> check_content_type(const Request& request, const Route& route) {
  if (request.body().empty()) return std::nullopt;
  const std::string type = media_type(request[beast_http::field::content_type]);
  if (type == "application/json") return std::nullopt;
  std::string accepted = "application/json";
  if (const auto* files = upload_types(route.pattern)) {
    for (auto t : *files) {
      if (type == t) return std::nullopt;
      accepted += ", " + std::string(t);
    }
  }
  return app::Problem{415, "unsupported_media_type", "Unsupported content type",
                      "This request's body must be sent as " + accepted + " (got " +
                          (type.empty() ? std::string("no Content-Type") : "\"" + type.substr(0, 100) + "\"") + ").",
                      {}};
}

// "HOST:443" for https and "HOST:80" for http are the same origin as "HOST".
std::string without_default_port(std::string authority, std::string_view scheme) {
  const std::string_view port = scheme == "https" ? ":443" : scheme == "http" ? ":80" : "";
  if (!port.empty() && authority.ends_with(port)) authority.resize(authority.size() - port.size());
  return authority;
}

std::string normal_origin(std::string_view origin) {
  std::string o = lower(trim(origin));
  while (!o.empty() && o.back() == '/') o.pop_back();
  const std::size_t sep = o.find("://");
  if (sep == std::string::npos) return o;
  const std::string scheme = o.substr(0, sep);
  return scheme + "://" + without_default_port(o.substr(sep + 3), scheme);
}

// A browser names the page that sent a request in Origin: it must be this server (the Host the
// request was sent to) or one of the configured origins. Clients that send no Origin (curl,
// scripts, node's fetch) pass; they cannot be made to send a cookie by another site.
std::optional<app::Problem> check_origin(const Request& request, const app::SecurityPolicy& policy) {
  const auto header = request[beast_http::field::origin];
  if (header.empty()) return std::nullopt;
  const std::string origin = normal_origin(header);
  for (const auto& allowed : policy.allowed_origins) {
    if (normal_origin(allowed) == origin) return std::nullopt;
  }
  const std::size_t sep = origin.find("://");
  if (sep != std::string::npos) {
    const std::string scheme = origin.substr(0, sep);
    const std::string host = without_default_port(lower(trim(request[beast_http::field::host])), scheme);
    if (!host.empty() && origin.substr(sep + 3) == host) return std::nullopt;
  }
  std::string shown(header.substr(0, 100));
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return app::Problem{403, "bad_origin", "Request from another site",
                      "State-changing requests are accepted only from this server's own pages; Origin \"" +
                          shown + "\" is neither this server nor an allowed origin (serve --allowed-origin).",
                      {}};
}

}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  // Boost.URL 1.81 reads the last value past the end of a view that is not NUL-terminated (into
  // " HTTP/1.1" of the request line), so parse an owned copy.
  const std::string owned(query);
  auto parsed = boost::urls::parse_query(owned);
  if (!parsed) return out;
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  for (auto param : *parsed) {
    if (out.size() >= 64) break;  // bounded: a handler never needs more
    out[param.key.decode(form)] = param.has_value ? param.value.decode(form) : std::string();
  }
  return out;
}

Route& Router::add(Route route) { return routes_.emplace_back(std::move(route)); }

namespace {

// A user overseeing a city or a province may narrow a request to one district (or city) inside
// their scope: the web's district switcher sends it as the X-Kechuang-Region header, a download
// link as the query parameter `region` (taken out of the query, which lists read as filters).
std::optional<app::Problem> narrow_region(const Request& request, Exchange& ex) {
  std::string text(request["X-Kechuang-Region"]);
  if (auto it = ex.query.find("region"); it != ex.query.end()) {
    if (text.empty()) text = it->second;
    ex.query.erase(it);
  }
  if (text.empty() || ex.actor.role == app::Role::enterprise) return std::nullopt;
  auto code = domain::RegionCode::parse(text);
  if (!code) return app::Problem::validation({{"region", code.error().message}});
  if (ex.actor.region && !ex.actor.region->contains(code.value())) {
    return app::Problem::forbidden({app::msg::region_outside_scope, {{"region", code->text()}}});
  }
  ex.actor.region = code.value();
  return std::nullopt;
}

// HEAD is a GET without the body (the server drops it and keeps its length).
beast_http::verb routed(beast_http::verb method) {
  return method == beast_http::verb::head ? beast_http::verb::get : method;
}
}  // namespace

const Route* Router::find(beast_http::verb method, std::string_view path) const {
  method = routed(method);
  std::map<std::string, std::string> ignored;
  for (const auto& route : routes_) {
    if (route.method == method && match(route.pattern, path, ignored)) return &route;
  }
  return nullptr;
}

Reply Router::dispatch(const Request& request, const Peer& peer) {
  const std::string_view target = request.target();
  const std::size_t q = target.find('?');
  const std::string path(target.substr(0, q));

  std::map<std::string, std::string> params;
  const Route* found = nullptr;
  std::string allowed;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> candidate;
    if (!match(route.pattern, path, candidate)) continue;
    if (route.method == routed(request.method())) {
      found = &route;
      params = std::move(candidate);
      break;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += std::string(beast_http::to_string(route.method));
  }
  if (!found) {
    if (!allowed.empty()) {
      auto res = problem_response(request, {405, "method_not_allowed", "Method not allowed",
                                            "This resource accepts: " + allowed + ".", {}});
      res.set(beast_http::field::allow, allowed);
      return {std::move(res), ""};
    }
    return {problem_response(request, app::Problem::not_found({app::msg::no_endpoint, {{"path", std::string(path)}}})), ""};
  }

  Exchange ex{request, peer, path, {}, std::move(params), std::nullopt, app::Actor{}, {}};
  if (q != std::string_view::npos) ex.query = parse_query(target.substr(q + 1));
  ex.actor.ip = peer.ip;
  ex.actor.role = app::Role::viewer;
  ex.actor.username = "anonymous";
  ex.session_token = cookie_value(request[beast_http::field::cookie], "kc_session");

  // Login CSRF and cross-site form posts: every state-changing request, sign-in included, must
  // come from this server's pages (Origin) and carry JSON or the route's documented file type.
  if (changes_state(request.method())) {
    if (auto refused = check_origin(request, auth_.policy())) return {problem_response(request, *refused), ""};
    if (auto refused = check_content_type(request, *found)) return {problem_response(request, *refused), ""};
  }

  if (found->access != Access::public_) {
    auto session = auth_.authenticate(ex.session_token);
    if (!session) return {problem_response(request, session.problem()), ""};
    ex.session = std::move(session.value());
    ex.actor = ex.session->actor(peer.ip, std::string(request[beast_http::field::user_agent]));
    const std::string user = ex.actor.username;
    if (auto refused = narrow_region(request, ex)) return {problem_response(request, *refused), user};
    if (found->access == Access::roles && !found->roles.contains(ex.actor.role)) {
      return {problem_response(request, app::Problem::forbidden(
                                            {app::msg::role_may_not_use,
                                             {{"role", std::string(app::to_string(ex.actor.role))}}})),
              user};
    }
    if (found->installation_wide && ex.actor.region) {
      return {problem_response(request, app::Problem::forbidden({app::msg::installation_admins_only})), user};
    }
    if (changes_state(request.method())) {
      const auto header = request["X-CSRF-Token"];
      if (header.empty() || !crypto::equal_secrets(header, ex.session->csrf_token)) {
        return {problem_response(request, {403, "csrf", "CSRF token missing or wrong",
                                           "State-changing requests must carry the X-CSRF-Token "
                                           "header returned at sign-in.",
                                           {}}),
                user};
      }
    }
    if (ex.session->user.must_change_password && !found->allowed_before_password_change) {
      return {problem_response(request, {403, "password_change_required", "Password change required",
                                         "Change your initial password before doing anything else.",
                                         {}}),
              user};
    }
  }
  Response res = found->handler(ex);
  if (found->conditional) {
    CacheScope scope;
    scope.per_user = found->access != Access::public_;
    if (scope.per_user) {
      scope.user_key = "user:" + std::to_string(ex.actor.user_id.value_or(0)) + ":" + ex.actor.district_prefix();
    }
    revalidate(request, res, scope);
  }
  return {std::move(res), ex.actor.username};
}

}  // namespace kc::http
