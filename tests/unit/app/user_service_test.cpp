#include "app/accounts/user_service.hpp"

#include <gtest/gtest.h>

#include "../store/temp_database.hpp"
#include "app/audit/audit_log.hpp"
#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

class Users : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init_crypto(); }
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

TEST_F(Users, PasswordsAnAdminSetsMustBeChanged) {
  auto created = users.create(admin, {"bob", "", "viewer", std::nullopt, std::nullopt});
  ASSERT_TRUE(created);
  ASSERT_TRUE(created->initial_password);
  EXPECT_TRUE(created->user.must_change_password);
  EXPECT_EQ(created->user.display_name, "bob");
  auto given = users.create(admin, {"carol", "Carol", "viewer", "Viewer-Pass-2024", std::nullopt});
  ASSERT_TRUE(given) << given.problem().detail;
  EXPECT_FALSE(given->initial_password);
  EXPECT_TRUE(given->user.must_change_password) << "the administrator knows it";
  NewUser automated{"ci-bot", "", "viewer", "Viewer-Pass-2024", std::nullopt};
  automated.must_change_password = false;  // `user add --no-password-change`
  EXPECT_FALSE(users.create(admin, automated)->user.must_change_password);
  NewUser generated{"ci-bot2", "", "viewer", std::nullopt, std::nullopt};
  generated.must_change_password = false;
  EXPECT_TRUE(users.create(admin, generated)->user.must_change_password) << "a generated one always";
  auto conn = db->acquire();
  EXPECT_TRUE(store::UserRepository(*conn).find_by_username("carol")->must_change_password);
}

TEST_F(Users, AResetPasswordMustBeChanged) {
  NewUser n{"frank", "", "viewer", "Viewer-Pass-2024", std::nullopt};
  n.must_change_password = false;
  auto frank = users.create(admin, n);
  ASSERT_TRUE(frank);
  ASSERT_TRUE(users.reset_password(admin, frank->user.id));
  auto conn = db->acquire();
  EXPECT_TRUE(store::UserRepository(*conn).find_by_id(frank->user.id)->must_change_password);
}

TEST_F(Users, APasswordIsResetByExactUsername) {
  auto frank = users.create(admin, {"frank", "", "viewer", "Viewer-Pass-2024", std::nullopt});
  ASSERT_TRUE(frank);
  Actor staff;
  staff.role = Role::staff;
  EXPECT_EQ(users.reset_password_of(staff, "frank").problem().status, 403);
  auto missing = users.reset_password_of(admin, "Frank");
  ASSERT_FALSE(missing) << "the name is matched exactly, as sign-in does";
  EXPECT_EQ(missing.problem().status, 404);
  EXPECT_EQ(missing.problem().detail, "No user named Frank.");
  auto password = users.reset_password_of(admin, "frank");
  ASSERT_TRUE(password) << password.problem().detail;
  auto conn = db->acquire();
  const auto stored = store::UserRepository(*conn).find_by_id(frank->user.id);
  EXPECT_TRUE(crypto::verify_password(password.value(), stored->password_hash));
  EXPECT_TRUE(stored->must_change_password);
}

TEST_F(Users, CommonPasswordsAndTheOwnNameAreRefused) {
  for (const char* p : {"Password123", "Qwerty12345", "Admin@12345", "Password123!"}) {
    auto r = users.create(admin, {"grace", "", "viewer", std::string(p), std::nullopt});
    ASSERT_FALSE(r) << p;
    EXPECT_EQ(r.problem().code, "password_common") << p;
    EXPECT_EQ(r.problem().status, 422);
  }
  auto named = users.create(admin, {"grace", "", "viewer", "Grace-Orchard-7", std::nullopt});
  ASSERT_FALSE(named);
  EXPECT_EQ(named.problem().code, "password_contains_name");
  auto displayed = users.create(admin, {"g.hopper", "Hopper", "viewer", "Orchard-hopper-7", std::nullopt});
  ASSERT_FALSE(displayed);
  EXPECT_EQ(displayed.problem().code, "password_contains_name");
  EXPECT_TRUE(users.create(admin, {"grace", "", "viewer", "Orchard-Kite-2024", std::nullopt}));
}

TEST_F(Users, EnterpriseIdMustExistAndOnlyOnEnterpriseAccounts) {
  auto on_admin = users.create(admin, {"boss", "", "admin", std::nullopt, std::int64_t{1}});
  ASSERT_FALSE(on_admin);
  EXPECT_EQ(on_admin.problem().code, "enterprise_id_not_allowed");
  EXPECT_EQ(on_admin.problem().status, 422);
  auto missing = users.create(admin, {"firm", "", "enterprise", std::nullopt, std::int64_t{999999}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.problem().code, "enterprise_not_found");
  auto plain = users.create(admin, {"firm", "", "enterprise", std::nullopt, std::nullopt});
  ASSERT_TRUE(plain);
  UserChanges to_missing;
  to_missing.enterprise_id = std::optional<std::int64_t>(999999);
  EXPECT_EQ(users.update(admin, plain->user.id, to_missing).problem().code, "enterprise_not_found");
  auto conn = db->acquire();
  EXPECT_EQ(store::UserRepository(*conn).count_all(), 1) << "nothing was written";
  EXPECT_FALSE(store::UserRepository(*conn).find_by_id(plain->user.id)->enterprise_id);
}

TEST_F(Users, ValidationNamesEveryBadField) {
  auto bad = users.create(admin, {"b", "", "emperor", "weak", std::nullopt});
  ASSERT_FALSE(bad);
  std::set<std::string> fields;
  for (const auto& e : bad.problem().errors) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"username", "role", "password"}));
}

TEST_F(Users, DuplicateUsernamesAreRefusedRegardlessOfCase) {
  ASSERT_TRUE(users.create(admin, {"dave", "", "viewer", std::nullopt, std::nullopt}));
  for (const char* name : {"dave", "DAVE", "Dave"}) {
    auto again = users.create(admin, {name, "", "staff", std::nullopt, std::nullopt});
    ASSERT_FALSE(again) << name;
    EXPECT_EQ(again.problem().status, 409);
    EXPECT_EQ(again.problem().code, "username_taken");
    EXPECT_EQ(again.problem().errors.at(0).field, "username");
  }
}

TEST_F(Users, TheDatabaseRefusesCaseDuplicatesToo) {
  // What a concurrent create would meet: the unique index of migration 8.
  ASSERT_TRUE(users.create(admin, {"erin", "", "viewer", std::nullopt, std::nullopt}));
  auto conn = db->acquire();
  EXPECT_THROW(conn->execute("INSERT INTO users (username, role, password_hash, created_at, updated_at) "
                             "VALUES ('ERIN', 'viewer', 'x', 't', 't')"),
               store::DbError);
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
