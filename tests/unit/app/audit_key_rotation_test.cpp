#include "app/audit/audit_key_rotation.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "../store/temp_database.hpp"
#include "app/audit/audit_log.hpp"
#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

namespace fs = std::filesystem;

TEST(AuditKeyRotation, TheRotationIsTheFirstRecordTheNewKeySigns) {
  crypto::init_crypto();
  const fs::path dir = fs::temp_directory_path() / ("kc-rotate-" + crypto::random_token(8));
  fs::create_directories(dir);
  const AuditKeySource source{(dir / "audit-key").string(), "", "test"};
  ASSERT_TRUE(install_audit_keys(source).ok());
  testing::TempDatabase db;
  auto rotated = rotate_and_audit_key(*db, Actor::system("cli"), source);
  ASSERT_TRUE(rotated) << rotated.problem().detail;
  EXPECT_EQ(rotated->keys, 2u);
  EXPECT_EQ(audit_keys()->signing().id, rotated->key.id);
  auto conn = db->acquire();
  auto head = audit_head_for_anchor(*conn);
  ASSERT_TRUE(head) << head.problem().detail;
  EXPECT_EQ(head->key_id, rotated->key.id);
  const auto entries = search_audit(*conn, {}, {1, 20});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "audit.rotate_key");
  EXPECT_EQ(entries[0].entity_id, rotated->key.id);
  EXPECT_TRUE(verify_audit(*conn).ok);
  fs::remove_all(dir);
}

TEST(AuditKeyRotation, KeysFromTheEnvironmentAreRefusedAndNothingIsAudited) {
  crypto::init_crypto();
  const AuditKeySource source{"", "k:" + std::string(64, '1'), "KECHUANG_AUDIT_KEY"};
  ASSERT_TRUE(install_audit_keys(source).ok());
  testing::TempDatabase db;
  auto rotated = rotate_and_audit_key(*db, Actor::system("cli"), source);
  ASSERT_FALSE(rotated);
  EXPECT_EQ(rotated.problem().code, "audit_key_from_environment");
  auto conn = db->acquire();
  EXPECT_EQ(count_audit(*conn, {}), 0);
}

}  // namespace
}  // namespace kc::app
