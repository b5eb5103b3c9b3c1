// The kind declaration's role lists decide, through app/registry/kind_access alone, who reads,
// changes and files records of each kind.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/registry/kind_access.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {
namespace {

constexpr Role kRoles[] = {Role::admin, Role::staff, Role::reviewer, Role::enterprise, Role::viewer};

Actor as(Role role, std::optional<std::int64_t> enterprise = std::nullopt) {
  Actor a;
  a.username = std::string(to_string(role));
  a.role = role;
  a.enterprise_id = enterprise;
  return a;
}

bool listed(const std::vector<std::string>& roles, Role role) {
  return std::find(roles.begin(), roles.end(), std::string(to_string(role))) != roles.end();
}

TEST(KindAccess, EveryKindAndRoleFollowsTheDeclaration) {
  int writable = 0, refused = 0;
  for (const auto& kind : domain::registry_kinds()) {
    for (Role role : kRoles) {
      const auto actor = as(role, 690);
      EXPECT_EQ(can_write(actor, kind), listed(kind.write_roles, role)) << kind.name << " " << to_string(role);
      EXPECT_EQ(can_read(actor, kind), listed(kind.read_roles, role)) << kind.name << " " << to_string(role);
      EXPECT_EQ(needs_confirmation(actor, kind), listed(kind.submit_roles, role)) << kind.name;
      EXPECT_EQ(may_write(actor, kind).has_value(), !can_write(actor, kind)) << kind.name;
      EXPECT_EQ(may_import(actor, kind).has_value(), !can_write(actor, kind)) << kind.name;
      (can_write(actor, kind) ? writable : refused)++;
    }
  }
  // Both answers occur: staff write the enterprises, viewers write nothing.
  EXPECT_GT(writable, 0);
  EXPECT_GT(refused, 0);
}

TEST(KindAccess, RefusalsAre403AndNameTheKind) {
  const auto* enterprises = domain::find_kind("enterprises");
  ASSERT_NE(enterprises, nullptr);
  const auto change = may_write(as(Role::viewer), *enterprises);
  ASSERT_TRUE(change.has_value());
  EXPECT_EQ(change->status, 403);
  EXPECT_NE(change->detail.find(enterprises->en), std::string::npos) << change->detail;
  const auto import = may_import(as(Role::viewer), *enterprises);
  ASSERT_TRUE(import.has_value());
  EXPECT_NE(import->detail.find("import"), std::string::npos) << import->detail;
  EXPECT_FALSE(may_write(as(Role::staff), *enterprises).has_value());
}

TEST(KindAccess, EnterpriseAccountsReadOnlyTheirKindsOnceBound) {
  for (const auto& kind : domain::registry_kinds()) {
    if (!can_read(as(Role::enterprise), kind)) continue;
    // Unbound, an enterprise account reads nothing; bound, only the kinds that hang off an enterprise.
    EXPECT_TRUE(may_read(as(Role::enterprise), kind).has_value()) << kind.name;
    EXPECT_EQ(may_read(as(Role::enterprise, 690), kind).has_value(), kind.enterprise_scope.empty()) << kind.name;
  }
}

}  // namespace
}  // namespace kc::app
