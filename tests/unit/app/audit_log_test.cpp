#include "app/audit_log.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "../store/temp_database.hpp"
#include "app/crypto.hpp"

namespace kc::app {
namespace {

class AuditLog : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    auto conn = db->acquire();
    for (int i = 1; i <= 4; ++i) {
      store::in_transaction(*conn, [&] {
        append_audit(*conn, Actor::system("tester"), "thing.update", "thing", std::to_string(i),
                     boost::json::value({{"n", i - 1}}), boost::json::value({{"n", i}, {"名", "值"}}));
      });
    }
    // Tampering needs what an attacker with database access would do first.
    conn->exec_script("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  }
  testing::TempDatabase db;
};

TEST_F(AuditLog, IntactChainVerifies) {
  auto conn = db->acquire();
  const auto v = verify_audit(*conn);
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.records, 4);
}

TEST_F(AuditLog, DetectsAnEditedRecord) {
  auto conn = db->acquire();
  conn->execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
  const auto v = verify_audit(*conn);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_EQ(v.problem, "edited");
}

TEST_F(AuditLog, DetectsAnEditWhoseHashWasRecomputed) {
  auto conn = db->acquire();
  // The forger rewrites record 2 and its own hash, but cannot fix record 3's link to it.
  conn->execute("UPDATE audit_log SET hash = 'f00d' WHERE id = 2");
  const auto v = verify_audit(*conn);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 2);
}

TEST_F(AuditLog, DetectsADeletedRecordInTheMiddleAndAtTheEnd) {
  auto conn = db->acquire();
  conn->execute("DELETE FROM audit_log WHERE id = 4");
  auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 4);
  EXPECT_EQ(v.problem, "deleted");
  conn->execute("DELETE FROM audit_log WHERE id = 2");
  v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_EQ(v.problem, "deleted");
}

TEST_F(AuditLog, DetectsAnInsertedRecord) {
  auto conn = db->acquire();
  conn->execute("INSERT INTO audit_log (id, at, actor, ip, action, entity, entity_id, prev_hash, hash) "
                "SELECT 5, at, actor, ip, action, entity, entity_id, hash, hash FROM audit_log WHERE id = 4");
  const auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 5);
  EXPECT_EQ(v.problem, "inserted");
}

TEST_F(AuditLog, SearchesFiltersAndExports) {
  auto conn = db->acquire();
  AuditFilter f;
  f.entity_id = "3";
  auto found = search_audit(*conn, f, {1, 10});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].after_json, R"({"n":3,"名":"值"})");
  f = {};
  f.q = "值";
  EXPECT_EQ(count_audit(*conn, f), 4);
  std::ostringstream csv;
  export_audit_csv(*conn, {}, csv);
  const auto text = csv.str();
  EXPECT_TRUE(text.starts_with("\xEF\xBB\xBFid,at,actor"));
  EXPECT_NE(text.find(R"("{""n"":3,""名"":""值""}")"), std::string::npos) << text;
}

}  // namespace
}  // namespace kc::app
