#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "temp_database.hpp"

namespace kc::store {
namespace {

// Numbers held for migrations of work in progress on other branches; whoever merges them removes
// their numbers here (or renumbers what follows), so a gap is never left by accident.
constexpr std::array kReserved{11, 12};

TEST(Migrations, AreNumberedInOrderWithoutGaps) {
  int expected = 1;
  for (const auto& m : all_migrations()) {
    while (std::find(kReserved.begin(), kReserved.end(), expected) != kReserved.end()) ++expected;
    EXPECT_EQ(m.version, expected++);
  }
}

TEST(Migrations, ApplyOnceAndRecordTheirVersion) {
  testing::TempDatabase db;  // migrated once already
  EXPECT_TRUE(migrate(*db).empty());
  auto conn = db->acquire();
  EXPECT_EQ(current_schema_version(*conn), all_migrations().back().version);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM schema_migrations")->integer(0),
            static_cast<std::int64_t>(all_migrations().size()));
}

TEST(Migrations, AuditLogIsAppendOnly) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  conn->execute("INSERT INTO audit_log (id, at, actor, ip, action, entity, entity_id, prev_hash, hash) "
                "VALUES (1, 't', 'a', 'i', 'x', 'e', '1', 'p', 'h')");
  EXPECT_THROW(conn->execute("UPDATE audit_log SET actor = 'b'"), DbError);
  EXPECT_THROW(conn->execute("DELETE FROM audit_log"), DbError);
}

}  // namespace
}  // namespace kc::store
