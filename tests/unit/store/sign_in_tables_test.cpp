// The repositories of the sign-in store's tables: sessions, the login log and address throttling.
#include <gtest/gtest.h>

#include "store/login_log_repository.hpp"
#include "store/login_throttle_repository.hpp"
#include "store/session_repository.hpp"
#include "store/sign_in_repository.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

void add_session(Connection& conn, const std::string& token_hash, std::int64_t user_id, std::int64_t now) {
  SignInRepository(conn).insert_session(token_hash, user_id, "csrf-" + token_hash, now, now * 1000000, "10.0.0.1",
                                        "test");
}

TEST(SessionRepository, FindsTouchesAndRemovesASession) {
  testing::TempDatabase db;
  auto conn = db->sign_in().acquire();
  add_session(*conn, "t1", 5, 1000);
  SessionRepository sessions(*conn);
  auto s = sessions.find("t1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user_id, 5);
  EXPECT_EQ(s->csrf_token, "csrf-t1");
  EXPECT_EQ(s->created_at, 1000);
  EXPECT_EQ(s->last_seen, 1000);
  sessions.touch("t1", 1060);
  EXPECT_EQ(sessions.find("t1")->last_seen, 1060);
  EXPECT_EQ(sessions.find("t1")->created_at, 1000);
  sessions.remove("t1");
  EXPECT_FALSE(sessions.find("t1"));
  EXPECT_FALSE(sessions.find("never"));
}

TEST(SessionRepository, EndsAUsersSessionsAllOrAllButOne) {
  testing::TempDatabase db;
  auto conn = db->sign_in().acquire();
  for (const char* t : {"a1", "a2", "a3"}) add_session(*conn, t, 1, 1000);
  add_session(*conn, "b1", 2, 1000);
  SessionRepository sessions(*conn);
  EXPECT_EQ(sessions.remove_others_of(1, "a2"), 2);
  EXPECT_TRUE(sessions.find("a2"));
  EXPECT_FALSE(sessions.find("a1"));
  EXPECT_TRUE(sessions.find("b1")) << "another user's session stays";
  EXPECT_EQ(sessions.remove_all_of(1), 1);
  EXPECT_FALSE(sessions.find("a2"));
  EXPECT_TRUE(sessions.find("b1"));
}

TEST(SessionRepository, RemovesSessionsStartedOrLastSeenTooLongAgo) {
  testing::TempDatabase db;
  auto conn = db->sign_in().acquire();
  add_session(*conn, "old", 1, 100);
  add_session(*conn, "idle", 1, 500);
  add_session(*conn, "fresh", 1, 500);
  SessionRepository sessions(*conn);
  sessions.touch("fresh", 900);
  EXPECT_EQ(sessions.remove_older_than(200, 800), 2);
  EXPECT_TRUE(sessions.find("fresh"));
}

TEST(LoginLogRepository, WritesAndSearchesNewestFirst) {
  testing::TempDatabase db;
  auto conn = db->sign_in().acquire();
  LoginLogRepository log(*conn);
  log.insert({0, "2026-11-01T08:00:00Z", "wang", 3, "10.0.0.1", true, std::nullopt});
  log.insert({0, "2026-11-02T08:00:00Z", "li_x", std::nullopt, "10.0.0.2", false, "unknown_user"});
  log.insert({0, "2026-11-03T08:00:00Z", "wang", 3, "10.0.0.1", false, "bad_password"});
  auto all = log.search({}, {1, 20});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].reason, "bad_password");
  EXPECT_EQ(all[1].username, "li_x");
  EXPECT_FALSE(all[1].user_id);
  EXPECT_FALSE(all[1].success);
  EXPECT_TRUE(all[2].success);
  EXPECT_EQ(all[2].user_id, 3);
  EXPECT_FALSE(all[2].reason);
  EXPECT_GT(all[0].id, all[2].id);

  LoginLogQuery q;
  q.q = "WANG";
  EXPECT_EQ(log.count(q), 2);
  q.success = false;
  EXPECT_EQ(log.count(q), 1);
  q = {};
  q.q = "li_";  // _ is literal: matches li_x only
  EXPECT_EQ(log.count(q), 1);
  q = {};
  q.q = "10.0.0.2";
  EXPECT_EQ(log.count(q), 1);
  q = {};
  q.from = "2026-11-02";
  q.to = "2026-11-02T23:59:59Z";
  EXPECT_EQ(log.count(q), 1);
  auto page2 = log.search({}, {2, 2});
  ASSERT_EQ(page2.size(), 1u);
  EXPECT_EQ(page2[0].username, "wang");
}

TEST(LoginThrottleRepository, CountsFailuresInAWindowAndStartsANewOneWhenItIsOver) {
  testing::TempDatabase db;
  auto conn = db->sign_in().acquire();
  LoginThrottleRepository throttle(*conn);
  EXPECT_FALSE(throttle.find("10.0.0.1"));
  throttle.count_failure("10.0.0.1", 1000, 1000 - 900);
  throttle.count_failure("10.0.0.1", 1100, 1100 - 900);
  auto w = throttle.find("10.0.0.1");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->window_start, 1000);
  EXPECT_EQ(w->failures, 2);
  EXPECT_FALSE(throttle.find("10.0.0.2"));
  throttle.count_failure("10.0.0.1", 2000, 2000 - 900);  // the window of 1000 is over
  w = throttle.find("10.0.0.1");
  EXPECT_EQ(w->window_start, 2000);
  EXPECT_EQ(w->failures, 1);
}

}  // namespace
}  // namespace kc::store
