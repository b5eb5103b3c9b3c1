#include "store/audit_repository.hpp"

#include <gtest/gtest.h>

#include "temp_database.hpp"

namespace kc::store {
namespace {

AuditRow record(std::int64_t id, const std::string& prev, const std::string& action, const std::string& at) {
  AuditRow r;
  r.id = id;
  r.at = at;
  r.actor_id = id % 2 ? std::optional<std::int64_t>(7) : std::nullopt;
  r.actor = id % 2 ? "wang" : "system";
  r.ip = "10.0.0.1";
  r.action = action;
  r.entity = "enterprise";
  r.entity_id = std::to_string(100 + id);
  if (id % 2) r.after_json = R"({"name":"甲"})";
  r.prev_hash = prev;
  r.hash = "hash-" + std::to_string(id);
  r.key_id = "k1";
  return r;
}

// Three records: 1 and 3 by wang with values, 2 by the system without.
void append_three(AuditRepository& log) {
  std::string prev = log.head().last_hash;
  const char* actions[] = {"enterprises.create", "enterprises.update", "enterprises.delete"};
  for (std::int64_t id = 1; id <= 3; ++id) {
    auto r = record(id, prev, actions[id - 1], "2026-11-0" + std::to_string(id) + "T08:00:00Z");
    log.append(r);
    prev = r.hash;
  }
}

TEST(AuditRepository, TheHeadOfAnEmptyChainIsTheGenesis) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto head = AuditRepository(*conn).head();
  EXPECT_EQ(head.last_id, 0);
  EXPECT_EQ(head.last_hash, std::string(64, '0'));
  EXPECT_EQ(head.legacy_last_id, 0);
  EXPECT_FALSE(head.legacy_seal);
}

TEST(AuditRepository, AppendingWritesTheRecordAndMovesTheHead) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  AuditRepository log(*conn);
  in_transaction(*conn, [&] {
    log.head(true);  // the lock a writer takes first
    append_three(log);
  });
  const auto head = log.head();
  EXPECT_EQ(head.last_id, 3);
  EXPECT_EQ(head.last_hash, "hash-3");
  auto first = log.find(1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->actor_id, 7);
  EXPECT_EQ(first->after_json, R"({"name":"甲"})");
  EXPECT_FALSE(first->before_json);
  EXPECT_EQ(first->prev_hash, std::string(64, '0'));
  EXPECT_EQ(first->key_id, "k1");
  auto second = log.find(2);
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->actor_id);
  EXPECT_FALSE(second->after_json);
  EXPECT_EQ(second->prev_hash, "hash-1");
  EXPECT_FALSE(log.find(4));
  EXPECT_EQ(log.count_up_to(2), 2);
  EXPECT_EQ(log.count_up_to(3), 3);
}

TEST(AuditRepository, ReadsFromAnIdInBatchesInIdOrder) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  AuditRepository log(*conn);
  append_three(log);
  auto batch = log.from_id(2, 1);
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].id, 2);
  batch = log.from_id(2, 10);
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[1].id, 3);
  EXPECT_TRUE(log.from_id(4, 10).empty());
}

TEST(AuditRepository, SearchesNewestFirstByEveryCondition) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  AuditRepository log(*conn);
  append_three(log);
  auto all = log.search({}, {1, 20});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, 3);
  EXPECT_EQ(log.count({}), 3);

  AuditQuery q;
  q.q = "甲";  // inside the after values
  EXPECT_EQ(log.count(q), 2);
  q = {};
  q.q = "UPDATE";  // case-insensitive, in the action
  EXPECT_EQ(log.count(q), 1);
  q = {};
  q.actor = "wang";
  EXPECT_EQ(log.count(q), 2);
  q.action = "enterprises.delete";
  EXPECT_EQ(log.count(q), 1);
  q = {};
  q.entity_id = "102";
  EXPECT_EQ(log.search(q, {1, 20}).at(0).id, 2);
  q = {};
  q.from = "2026-11-02";
  q.to = "2026-11-02T23:59:59Z";
  EXPECT_EQ(log.count(q), 1);
  q = {};
  q.q = "10_";  // _ is literal (as a wildcard it would match the entity ids 101 to 103)
  EXPECT_EQ(log.count(q), 0);

  auto page2 = log.search({}, {2, 2});
  ASSERT_EQ(page2.size(), 1u);
  EXPECT_EQ(page2[0].id, 1);
}

TEST(AuditRepository, TheLegacySealIsSetOnce) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  AuditRepository log(*conn);
  log.set_legacy_seal("k1:first");
  log.set_legacy_seal("k1:second");
  EXPECT_EQ(log.head().legacy_seal, "k1:first");
}

TEST(AuditRepository, TheLogRefusesEdits) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  AuditRepository log(*conn);
  append_three(log);
  EXPECT_THROW(conn->execute("UPDATE audit_log SET actor = 'x' WHERE id = 1"), DbError);
  EXPECT_EQ(log.find(1)->actor, "wang");
}

}  // namespace
}  // namespace kc::store
