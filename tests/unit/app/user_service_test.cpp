#include "app/user_service.hpp"

#include <gtest/gtest.h>

#include "../store/temp_database.hpp"
#include "app/audit_log.hpp"
#include "app/crypto.hpp"

namespace kc::app {
namespace {

class Users : public ::testing::Test {
 protected:
  void SetUp() override { init_crypto(); }
  testing::TempDatabase db;
  UserService users{*db};
  Actor admin = Actor::system("root");
};

TEST_F(Users, OnlyAdminsManageUsers) {
  Actor staff;
  staff.role = Role::staff;
  EXPECT_EQ(users.list(staff, "", {}).problem().status, 403);
  EXPECT_EQ(users.create(staff, {"eve", "", "admin", std::nullopt, std::nullopt}).problem().status, 403);
}

TEST_F(Users, GeneratedPasswordsMustBeChanged) {
  auto created = users.create(admin, {"bob", "", "viewer", std::nullopt, std::nullopt});
  ASSERT_TRUE(created);
  ASSERT_TRUE(created->initial_password);
  EXPECT_TRUE(created->user.must_change_password);
  EXPECT_EQ(created->user.display_name, "bob");
  auto given = users.create(admin, {"carol", "Carol", "viewer", "Carol-Pass-2024", std::nullopt});
  EXPECT_FALSE(given->initial_password);
  EXPECT_FALSE(given->user.must_change_password);
}

TEST_F(Users, ValidationNamesEveryBadField) {
  auto bad = users.create(admin, {"b", "", "emperor", "weak", std::nullopt});
  ASSERT_FALSE(bad);
  std::set<std::string> fields;
  for (const auto& e : bad.problem().errors) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"username", "role", "password"}));
}

TEST_F(Users, DuplicateUsernamesAreRefused) {
  ASSERT_TRUE(users.create(admin, {"dave", "", "viewer", std::nullopt, std::nullopt}));
  auto again = users.create(admin, {"dave", "", "staff", std::nullopt, std::nullopt});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.problem().errors.at(0).message, "is already taken");
}

TEST_F(Users, KeepsAtLeastOneEnabledAdminAndRollsBack) {
  auto root = users.create(admin, {"root", "", "admin", std::nullopt, std::nullopt});
  auto demoted = users.update(admin, root->user.id, {std::nullopt, std::string("viewer"), std::nullopt});
  ASSERT_FALSE(demoted);
  EXPECT_EQ(demoted.problem().status, 409);
  auto conn = db->acquire();
  EXPECT_EQ(store::UserRepository(*conn).find_by_id(root->user.id)->role, "admin");
  EXPECT_EQ(count_audit(*conn, {}), 1) << "only the creation was audited";
}

TEST_F(Users, UpdatesAreAuditedWithBeforeAndAfter) {
  auto erin = users.create(admin, {"erin", "Erin", "viewer", std::nullopt, std::nullopt});
  ASSERT_TRUE(users.update(admin, erin->user.id, {std::string("Erin Z"), std::string("staff"), std::nullopt}));
  auto conn = db->acquire();
  AuditFilter f;
  f.action = "user.update";
  auto entries = search_audit(*conn, f, {1, 10});
  ASSERT_EQ(entries.size(), 1u);
  auto before = boost::json::parse(*entries[0].before_json).as_object();
  auto after = boost::json::parse(*entries[0].after_json).as_object();
  EXPECT_EQ(before["role"], "viewer");
  EXPECT_EQ(after["role"], "staff");
  EXPECT_EQ(after["display_name"], "Erin Z");
  EXPECT_FALSE(after.contains("password_hash"));
}

TEST_F(Users, UnknownIdsAreNotFound) {
  EXPECT_EQ(users.update(admin, 999, {}).problem().status, 404);
  EXPECT_EQ(users.reset_password(admin, 999).problem().status, 404);
  EXPECT_EQ(users.end_sessions(admin, 999).problem().status, 404);
}

}  // namespace
}  // namespace kc::app
