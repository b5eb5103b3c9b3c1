#include "app/roles.hpp"

#include <array>
#include <utility>

namespace kc::app {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 5> kNames = {{
    {Role::admin, "admin"},
    {Role::staff, "staff"},
    {Role::reviewer, "reviewer"},
    {Role::enterprise, "enterprise"},
    {Role::viewer, "viewer"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [r, name] : kNames) {
    if (name == text) return r;
  }
  return std::nullopt;
}

}  // namespace kc::app
