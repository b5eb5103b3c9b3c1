#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include "temp_database.hpp"

namespace kc::store {
namespace {

// In increasing order, so each applies after those before it. Version 11 is left to a migration
// under way elsewhere; the numbers are made contiguous again when it lands.
TEST(Migrations, AreNumberedInIncreasingOrder) {
  int last = 0;
  for (const auto& m : all_migrations()) {
    EXPECT_GT(m.version, last);
    last = m.version;
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
