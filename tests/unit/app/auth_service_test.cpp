#include "app/accounts/auth_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "../store/temp_database.hpp"
#include "app/accounts/user_service.hpp"
#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

class Auth : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init_crypto();
    UserService users(*db);
    ASSERT_TRUE(users.create(Actor::system(), {"alice", "Alice", "staff", "Staff-Pass-2024", std::nullopt}));
  }
  testing::TempDatabase db;
};

TEST_F(Auth, SignsInAndAuthenticatesTheSession) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Staff-Pass-2024", "10.0.0.1", "test");
  ASSERT_TRUE(in) << in.problem().detail;
  auto who = auth.authenticate(in->session_token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.username, "alice");
  EXPECT_EQ(who->csrf_token, in->csrf_token);
  EXPECT_EQ(who->actor("10.0.0.1", "").role, Role::staff);
  // Only the token's hash is stored.
  auto conn = db->sign_in().acquire();
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {in->session_token})->integer(0), 0);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {crypto::sha256_hex(in->session_token)})->integer(0), 1);
}

TEST_F(Auth, LocksAfterFiveFailuresAndUnlocksAfterTheLockout) {
  SecurityPolicy policy;
  // Two seconds, not one: lock times are whole seconds, so a one-second lock could already be
  // over by the next call when the clock ticks in between.
  policy.lockout_seconds = 2;
  AuthService auth(*db, policy);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth.login("alice", "wrong", "ip", "").problem().status, 401);
  // Locked: even the right password gets the answer of a wrong one, and is not checked.
  const auto locked = auth.login("alice", "Staff-Pass-2024", "ip", "");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.problem().status, 401);
  EXPECT_EQ(locked.problem().code, "unauthenticated");
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  EXPECT_TRUE(auth.login("alice", "Staff-Pass-2024", "ip", ""));
}

TEST_F(Auth, ASuccessResetsTheFailureCount) {
  AuthService auth(*db, {});
  for (int i = 0; i < 4; ++i) auth.login("alice", "wrong", "ip", "");
  EXPECT_TRUE(auth.login("alice", "Staff-Pass-2024", "ip", ""));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(auth.login("alice", "wrong", "ip", "").problem().status, 401);
}

TEST_F(Auth, ThrottlesAnAddressAfterItsFailureBudget) {
  SecurityPolicy policy;
  policy.ip_max_failures = 3;
  AuthService auth(*db, policy);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(auth.login("ghost", "x", "1.2.3.4", "").problem().status, 401);
  EXPECT_EQ(auth.login("alice", "Staff-Pass-2024", "1.2.3.4", "").problem().code, "throttled");
  EXPECT_TRUE(auth.login("alice", "Staff-Pass-2024", "5.6.7.8", "")) << "other addresses are unaffected";
}

TEST_F(Auth, IdleSessionsExpire) {
  SecurityPolicy policy;
  policy.session_idle_seconds = 1;
  AuthService auth(*db, policy);
  auto in = auth.login("alice", "Staff-Pass-2024", "ip", "");
  ASSERT_TRUE(in);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto who = auth.authenticate(in->session_token);
  ASSERT_FALSE(who);
  EXPECT_EQ(who.problem().status, 401);
}

TEST_F(Auth, ChangingThePasswordEndsOtherSessions) {
  AuthService auth(*db, {});
  auto first = auth.login("alice", "Staff-Pass-2024", "ip", "");
  auto second = auth.login("alice", "Staff-Pass-2024", "ip", "");
  auto who = auth.authenticate(second->session_token);
  auto status = auth.change_password(who.value(), who->actor("ip", ""), "Staff-Pass-2024", "Better-Pass-2025");
  ASSERT_TRUE(status) << status.problem().detail;
  EXPECT_FALSE(auth.authenticate(first->session_token));
  EXPECT_TRUE(auth.authenticate(second->session_token));
  EXPECT_TRUE(auth.login("alice", "Better-Pass-2025", "ip", ""));
}

TEST_F(Auth, PasswordChangeValidatesEveryRule) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Staff-Pass-2024", "ip", "");
  auto who = auth.authenticate(in->session_token);
  auto wrong_current = auth.change_password(who.value(), who->actor("ip", ""), "nope", "Better-Pass-2025");
  ASSERT_FALSE(wrong_current);
  EXPECT_EQ(wrong_current.problem().errors.at(0).field, "current_password");
  auto same = auth.change_password(who.value(), who->actor("ip", ""), "Staff-Pass-2024", "Staff-Pass-2024");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.problem().errors.at(0).field, "new_password");
}

TEST_F(Auth, PasswordChangeRefusesCommonPasswordsAndTheOwnName) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Staff-Pass-2024", "ip", "");
  auto who = auth.authenticate(in->session_token);
  auto common = auth.change_password(who.value(), who->actor("ip", ""), "Staff-Pass-2024", "Password123!");
  ASSERT_FALSE(common);
  EXPECT_EQ(common.problem().code, "password_common");
  EXPECT_EQ(common.problem().errors.at(0).field, "new_password");
  auto named = auth.change_password(who.value(), who->actor("ip", ""), "Staff-Pass-2024", "ALICE-in-2025!");
  ASSERT_FALSE(named);
  EXPECT_EQ(named.problem().code, "password_contains_name");
  EXPECT_TRUE(auth.login("alice", "Staff-Pass-2024", "ip", "")) << "the password did not change";
  EXPECT_TRUE(auth.change_password(who.value(), who->actor("ip", ""), "Staff-Pass-2024", "Orchard-Kite-2025"));
}

std::int64_t count_reason(store::Database& db, const std::string& username, const std::string& reason) {
  auto conn = db.sign_in().acquire();
  return conn->query_one("SELECT COUNT(*) FROM login_log WHERE username = $1 AND reason = $2", {username, reason})
      ->integer(0);
}

TEST_F(Auth, UnknownLockedAndDisabledAccountsAnswerTheSame) {
  UserService users(*db);
  auto off = users.create(Actor::system(), {"bob", "Bob", "staff", "Other-Pass-2024!", std::nullopt});
  ASSERT_TRUE(off);
  Actor admin = Actor::system();
  admin.role = Role::admin;
  ASSERT_TRUE(users.update(admin, off->user.id, {std::nullopt, std::nullopt, true}));
  SecurityPolicy policy;
  policy.ip_max_failures = 1000;
  AuthService auth(*db, policy);
  const auto reference = auth.login("nobody", "wrong", "ip", "").problem();
  for (const char* name : {"alice", "bob", "nobody"}) {
    for (int i = 0; i < 7; ++i) {
      const auto p = auth.login(name, "wrong", "ip", "").problem();
      EXPECT_EQ(p.status, reference.status) << name;
      EXPECT_EQ(p.code, reference.code) << name;
      EXPECT_EQ(p.title, reference.title) << name;
      EXPECT_EQ(p.detail, reference.detail) << name;
    }
  }
  EXPECT_EQ(count_reason(*db, "alice", "bad_password"), 5);
  EXPECT_EQ(count_reason(*db, "alice", "locked"), 2);
}

// A region scope that does not parse must not fall back to "no scope" (the whole installation).
TEST_F(Auth, AnUnreadableRegionScopeIsRefusedNotWidened) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Staff-Pass-2024", "ip", "");
  ASSERT_TRUE(in);
  {
    auto conn = db->acquire();
    conn->execute("UPDATE users SET region_code = $1 WHERE username = $2", {std::string("33x2"), std::string("alice")});
  }
  auto who = auth.authenticate(in->session_token);
  ASSERT_FALSE(who);
  EXPECT_EQ(who.problem().status, 403);
  EXPECT_EQ(who.problem().message, "account_region_invalid");
  auto again = auth.login("alice", "Staff-Pass-2024", "ip", "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.problem().status, 403);
  EXPECT_EQ(count_reason(*db, "alice", "region_invalid"), 1);
}

TEST_F(Auth, DisabledAccountWithTheRightPasswordIsToldSo) {
  UserService users(*db);
  auto off = users.create(Actor::system(), {"bob", "Bob", "staff", "Other-Pass-2024!", std::nullopt});
  Actor admin = Actor::system();
  admin.role = Role::admin;
  ASSERT_TRUE(users.update(admin, off->user.id, {std::nullopt, std::nullopt, true}));
  AuthService auth(*db, {});
  EXPECT_EQ(auth.login("bob", "Other-Pass-2024!", "ip", "").problem().code, "disabled");
}

TEST_F(Auth, ConcurrentWrongPasswordsCheckAtMostTheAllowedNumber) {
  SecurityPolicy policy;
  policy.ip_max_failures = 1000;
  AuthService auth(*db, policy);
  for (int round = 0; round < 3; ++round) {
    const std::string name = "racer" + std::to_string(round);
    UserService users(*db);
    ASSERT_TRUE(users.create(Actor::system(), {name, name, "viewer", "Race-Test-Pass-2024!", std::nullopt}));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 12; ++i) {
      threads.emplace_back([&] {
        ++ready;
        while (!go) std::this_thread::yield();
        auth.login(name, "wrong", "ip", "");
      });
    }
    while (ready < 12) std::this_thread::yield();
    go = true;
    for (auto& t : threads) t.join();
    EXPECT_LE(count_reason(*db, name, "bad_password"), 5) << name;
    EXPECT_EQ(count_reason(*db, name, "bad_password") + count_reason(*db, name, "locked"), 12) << name;
  }
}

TEST_F(Auth, SigningInBeyondTheCapEndsTheOldestSession) {
  SecurityPolicy policy;
  policy.max_sessions_per_user = 3;
  AuthService auth(*db, policy);
  std::vector<std::string> tokens;
  for (int i = 0; i < 5; ++i) tokens.push_back(auth.login("alice", "Staff-Pass-2024", "ip", "")->session_token);
  EXPECT_FALSE(auth.authenticate(tokens[0]));
  EXPECT_FALSE(auth.authenticate(tokens[1]));
  for (int i = 2; i < 5; ++i) EXPECT_TRUE(auth.authenticate(tokens[i])) << i;
}

TEST_F(Auth, WrongCurrentPasswordsLockThePasswordChange) {
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Staff-Pass-2024", "ip", "");
  auto who = auth.authenticate(in->session_token);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(auth.change_password(who.value(), who->actor("ip", ""), "nope", "Better-Pass-2025").problem().status, 422);
  }
  std::optional<std::int64_t> retry_after;
  auto locked = auth.change_password(who.value(), who->actor("ip", ""), "Staff-Pass-2024", "Better-Pass-2025", &retry_after);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.problem().status, 423);
  ASSERT_TRUE(retry_after);
  EXPECT_GT(*retry_after, 0);
  EXPECT_EQ(count_reason(*db, "alice", "password_change_bad_password"), 5);
  EXPECT_EQ(count_reason(*db, "alice", "password_change_locked"), 1);
}

TEST_F(Auth, SignInDoesNotNeedTheMainFilesWriteLock) {
  ASSERT_TRUE(db->has_companion());
  auto holder = db->acquire();
  holder->begin();  // what a long CLI import does
  AuthService auth(*db, {});
  auto in = auth.login("alice", "Staff-Pass-2024", "ip", "");
  ASSERT_TRUE(in) << in.problem().detail;
  EXPECT_TRUE(auth.authenticate(in->session_token));
  EXPECT_EQ(auth.login("alice", "wrong", "ip", "").problem().status, 401);
  auth.logout(in->session_token);
  holder->rollback();
}

}  // namespace
}  // namespace kc::app
