#include "store/user_repository.hpp"

#include <gtest/gtest.h>

#include "store/ping.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

std::int64_t add(UserRepository& users, const std::string& name, const std::string& role, bool disabled) {
  UserRecord u;
  u.username = u.display_name = name;
  u.role = role;
  u.password_hash = "x";
  u.disabled = disabled;
  u.created_at = u.updated_at = "2026-11-01T08:00:00Z";
  return users.insert(u);
}

TEST(UserRepository, CountsOnlyEnabledAdministrators) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  UserRepository users(*conn);
  EXPECT_EQ(users.count_enabled_admins(), 0);
  const auto root = add(users, "root", "admin", false);
  add(users, "former", "admin", true);
  add(users, "wang", "staff", false);
  EXPECT_EQ(users.count_enabled_admins(), 1);
  auto u = users.find_by_id(root);
  u->disabled = true;
  users.update(*u);
  EXPECT_EQ(users.count_enabled_admins(), 0);
  EXPECT_EQ(users.count_all(), 3);
}

TEST(Ping, AnOpenDatabaseAnswers) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  EXPECT_TRUE(ping(*conn));
}

}  // namespace
}  // namespace kc::store
