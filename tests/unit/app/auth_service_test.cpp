#include "app/auth_service.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "../store/temp_database.hpp"
#include "app/crypto.hpp"
#include "app/user_service.hpp"

namespace kc::app {
namespace {

class Auth : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    UserService users(*db);
    ASSERT_TRUE(users.create(Actor::system(), {"alice", "Alice", "staff", "Alice-Pass-2024", std::nullopt}));
  }
  testing::TempDatabase db;
};

TEST_F(Auth, SignsInAndAuthenticatesTheSession) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Alice-Pass-2024", "10.0.0.1", "test");
  ASSERT_TRUE(in) << in.problem().detail;
  auto who = auth.authenticate(in->session_token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.username, "alice");
  EXPECT_EQ(who->csrf_token, in->csrf_token);
  EXPECT_EQ(who->actor("10.0.0.1", "").role, Role::staff);
  // Only the token's hash is stored.
  auto conn = db->acquire();
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {in->session_token})->integer(0), 0);
}

TEST_F(Auth, LocksAfterFiveFailuresAndUnlocksAfterTheLockout) {
  SecurityPolicy policy;
  // Two seconds, not one: lock times are whole seconds, so a one-second lock could already be
  // over by the next call when the clock ticks in between.
  policy.lockout_seconds = 2;
  AuthService auth(*db, policy);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(auth.login("alice", "wrong", "ip", "").problem().status, 401);
  EXPECT_EQ(auth.login("alice", "wrong", "ip", "").problem().code, "locked");
  EXPECT_EQ(auth.login("alice", "Alice-Pass-2024", "ip", "").problem().code, "locked");
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  EXPECT_TRUE(auth.login("alice", "Alice-Pass-2024", "ip", ""));
}

TEST_F(Auth, ASuccessResetsTheFailureCount) {
  AuthService auth(*db, {});
  for (int i = 0; i < 4; ++i) auth.login("alice", "wrong", "ip", "");
  EXPECT_TRUE(auth.login("alice", "Alice-Pass-2024", "ip", ""));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(auth.login("alice", "wrong", "ip", "").problem().status, 401);
}

TEST_F(Auth, ThrottlesAnAddressAfterItsFailureBudget) {
  SecurityPolicy policy;
  policy.ip_max_failures = 3;
  AuthService auth(*db, policy);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(auth.login("ghost", "x", "1.2.3.4", "").problem().status, 401);
  EXPECT_EQ(auth.login("alice", "Alice-Pass-2024", "1.2.3.4", "").problem().code, "throttled");
  EXPECT_TRUE(auth.login("alice", "Alice-Pass-2024", "5.6.7.8", "")) << "other addresses are unaffected";
}

TEST_F(Auth, IdleSessionsExpire) {
  SecurityPolicy policy;
  policy.session_idle_seconds = 1;
  AuthService auth(*db, policy);
  auto in = auth.login("alice", "Alice-Pass-2024", "ip", "");
  ASSERT_TRUE(in);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto who = auth.authenticate(in->session_token);
  ASSERT_FALSE(who);
  EXPECT_EQ(who.problem().status, 401);
}

TEST_F(Auth, ChangingThePasswordEndsOtherSessions) {
  AuthService auth(*db, {});
  auto first = auth.login("alice", "Alice-Pass-2024", "ip", "");
  auto second = auth.login("alice", "Alice-Pass-2024", "ip", "");
  auto who = auth.authenticate(second->session_token);
  auto status = auth.change_password(who.value(), who->actor("ip", ""), "Alice-Pass-2024", "Better-Pass-2025");
  ASSERT_TRUE(status) << status.problem().detail;
  EXPECT_FALSE(auth.authenticate(first->session_token));
  EXPECT_TRUE(auth.authenticate(second->session_token));
  EXPECT_TRUE(auth.login("alice", "Better-Pass-2025", "ip", ""));
}

TEST_F(Auth, PasswordChangeValidatesEveryRule) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Alice-Pass-2024", "ip", "");
  auto who = auth.authenticate(in->session_token);
  auto wrong_current = auth.change_password(who.value(), who->actor("ip", ""), "nope", "Better-Pass-2025");
  ASSERT_FALSE(wrong_current);
  EXPECT_EQ(wrong_current.problem().errors.at(0).field, "current_password");
  auto same = auth.change_password(who.value(), who->actor("ip", ""), "Alice-Pass-2024", "Alice-Pass-2024");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.problem().errors.at(0).field, "new_password");
}

}  // namespace
}  // namespace kc::app
