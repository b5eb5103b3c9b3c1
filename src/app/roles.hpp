// The five roles of Kechuang and sets of them, as endpoints and use cases declare who may act.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace kc::app {

enum class Role : std::uint8_t { admin, staff, reviewer, enterprise, viewer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(r);
  }
  static constexpr RoleSet all() {
    return {Role::admin, Role::staff, Role::reviewer, Role::enterprise, Role::viewer};
  }
  constexpr bool contains(Role r) const { return (bits_ & bit(r)) != 0; }

 private:
  static constexpr std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
  std::uint8_t bits_ = 0;
};

}  // namespace kc::app
