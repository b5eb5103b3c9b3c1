#include "http/openapi.hpp"

#include <algorithm>
#include <string>

namespace kc::http {

boost::json::value openapi_document(const Router& router) {
  boost::json::object paths;
  for (const auto& route : router.routes()) {
    std::string method(beast_http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    boost::json::object op;
    op["summary"] = route.summary;
    std::string who = "public";
    if (route.access == Access::signed_in) who = "any signed-in user";
    if (route.access == Access::roles) {
      who.clear();
      for (auto role : {app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::enterprise,
                        app::Role::viewer}) {
        if (!route.roles.contains(role)) continue;
        if (!who.empty()) who += ", ";
        who += app::to_string(role);
      }
    }
    op["x-roles"] = who;
    boost::json::array parameters;
    for (std::size_t at = route.pattern.find('{'); at != std::string::npos;
         at = route.pattern.find('{', at + 1)) {
      const auto end = route.pattern.find('}', at);
      parameters.push_back({{"name", route.pattern.substr(at + 1, end - at - 1)},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    op["responses"] = {{"default", {{"description", "JSON, or application/problem+json on error"}}}};
    auto& item = paths[route.pattern];
    if (!item.is_object()) item = boost::json::object{};
    item.as_object()[method] = std::move(op);
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "Kechuang API"}, {"version", KC_VERSION}}},
          {"servers", boost::json::array{{{"url", "/"}}}},
          {"paths", std::move(paths)}};
}

}  // namespace kc::http
