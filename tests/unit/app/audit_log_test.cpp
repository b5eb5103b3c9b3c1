#include "app/audit/audit_log.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../store/temp_database.hpp"
#include "app/audit/audit_anchor.hpp"
#include "app/audit/audit_anchor_timer.hpp"
#include "app/audit/audit_keys.hpp"
#include "app/audit/audit_secret_file.hpp"
#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

namespace fs = std::filesystem;

// A directory removed when the test ends.
class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("kc-audit-" + crypto::random_token(8))) { fs::create_directories(path_); }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string hex_secret(char c) { return std::string(64, c); }

// Installs a keyring given as KECHUANG_AUDIT_KEY would be.
void use_keys(const std::string& text) {
  auto installed = install_audit_keys({"", text, "KECHUANG_AUDIT_KEY"});
  ASSERT_TRUE(installed.ok()) << installed.problem().detail;
}

void append_things(store::Database& db, int from, int to) {
  auto conn = db.acquire();
  for (int i = from; i <= to; ++i) {
    store::in_transaction(*conn, [&] {
      append_audit(*conn, Actor::system("tester"), "thing.update", "thing", std::to_string(i),
                   boost::json::value({{"n", i - 1}}), boost::json::value({{"n", i}, {"名", "值"}}));
    });
  }
}

void drop_guards(store::Connection& conn) {
  conn.exec_script("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
}

// The rule of the code before the key (what an attacker without the key can still compute).
std::string old_sha256_rule(const store::Row& r, const std::string& prev) {
  std::string c;
  auto field = [&](const std::string& v) { c += std::to_string(v.size()) + ":" + v; };
  field(prev);
  field(std::to_string(r.integer(0)));
  for (std::size_t i = 1; i <= 6; ++i) field(r.text(i));
  field(r.optional_text(7).value_or("null"));
  field(r.optional_text(8).value_or("null"));
  return crypto::sha256_hex(c);
}

// Rewrites record `edit_id`'s actor and IP, then recomputes every hash and the head with the old
// SHA-256 rule, as the issue's reproduction does; `keep_key_id` leaves the key ids in place.
void recompute_with_sha256(store::Connection& conn, std::int64_t edit_id, bool keep_key_id) {
  conn.execute("UPDATE audit_log SET actor = 'mallory', ip = '203.0.113.9' WHERE id = $1", {edit_id});
  if (!keep_key_id) conn.execute("UPDATE audit_log SET key_id = NULL");
  std::string prev(64, '0');
  for (const auto& r : conn.query("SELECT id, at, actor, ip, action, entity, entity_id, before_json, after_json "
                                  "FROM audit_log ORDER BY id")) {
    const std::string hash = old_sha256_rule(r, prev);
    conn.execute("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3", {prev, hash, r.integer(0)});
    prev = hash;
  }
  conn.execute("UPDATE audit_head SET last_hash = $1 WHERE id = 1", {prev});
}

class AuditLog : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init_crypto();
    use_keys("kunit:" + hex_secret('a'));
    append_things(*db, 1, 4);
    // Tampering needs what an attacker with database access would do first.
    auto conn = db->acquire();
    drop_guards(*conn);
  }
  testing::TempDatabase db;
};

TEST_F(AuditLog, IntactChainVerifies) {
  auto conn = db->acquire();
  const auto v = verify_audit(*conn);
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.records, 4);
  EXPECT_EQ(v.legacy_records, 0);
}

TEST_F(AuditLog, EachRecordNamesItsKeyAndIsNoPlainSha256) {
  auto conn = db->acquire();
  std::string prev(64, '0');
  for (const auto& r : conn->query("SELECT id, at, actor, ip, action, entity, entity_id, before_json, after_json, "
                                   "key_id, hash FROM audit_log ORDER BY id")) {
    EXPECT_EQ(r.text(9), "kunit");
    EXPECT_EQ(r.text(10).size(), 64u);
    EXPECT_NE(r.text(10), old_sha256_rule(r, prev));
    prev = r.text(10);
  }
}

TEST_F(AuditLog, DetectsAnEditedRecord) {
  auto conn = db->acquire();
  conn->execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
  const auto v = verify_audit(*conn);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_EQ(v.problem, "edited");
}

TEST_F(AuditLog, DetectsAnEditedActorId) {
  auto conn = db->acquire();
  conn->execute("UPDATE audit_log SET actor_id = 1 WHERE id = 3");
  const auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 3);
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

TEST_F(AuditLog, DetectsAChainRecomputedWithTheOldSha256Rule) {
  auto conn = db->acquire();
  recompute_with_sha256(*conn, 2, true);
  auto v = verify_audit(*conn);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 1) << "every record was recomputed, the first one first";
  EXPECT_EQ(v.problem, "edited");
}

TEST_F(AuditLog, DetectsAChainPassedOffAsUnkeyedRecords) {
  auto conn = db->acquire();
  recompute_with_sha256(*conn, 2, false);
  auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 1);
  EXPECT_EQ(v.problem, "edited");
  // Moving the end of the unkeyed records needs the key's seal.
  conn->execute("UPDATE audit_head SET legacy_last_id = 4");
  v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 4);
  EXPECT_EQ(v.problem, "unsealed");
}

TEST_F(AuditLog, AChainMadeWithAnotherKeyDoesNotVerify) {
  // Same id, another secret: the attacker's guess at the key.
  use_keys("kunit:" + hex_secret('b'));
  auto conn = db->acquire();
  auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 1);
  EXPECT_EQ(v.problem, "edited");
  // A keyring without the records' key names the key.
  use_keys("kother:" + hex_secret('a'));
  v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 1);
  EXPECT_EQ(v.problem, "unknown_key");
  EXPECT_EQ(v.key_id, "kunit");
}

TEST_F(AuditLog, OldKeysOfTheKeyringStillVerifyAfterARotation) {
  use_keys("kunit:" + hex_secret('a') + ",knext:" + hex_secret('c'));
  append_things(*db, 5, 6);
  auto conn = db->acquire();
  EXPECT_EQ(conn->query_one("SELECT key_id FROM audit_log WHERE id = 6")->text(0), "knext");
  const auto v = verify_audit(*conn);
  EXPECT_TRUE(v.ok) << v.problem << " " << v.first_bad_id.value_or(0);
  EXPECT_EQ(v.records, 6);
  use_keys("knext:" + hex_secret('c'));
  EXPECT_EQ(verify_audit(*conn).problem, "unknown_key") << "the old key is needed for the old records";
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
  conn->execute("INSERT INTO audit_log (id, at, actor, ip, action, entity, entity_id, prev_hash, hash, key_id) "
                "SELECT 5, at, actor, ip, action, entity, entity_id, hash, hash, key_id FROM audit_log WHERE id = 4");
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

// A database from before migration 7: its unkeyed SHA-256 records verify by the old rule up to
// the end the migration recorded, sealed by the key of the process that migrated.
class AuditLegacy : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init_crypto();
    use_keys("klegacy:" + hex_secret('d'));
    auto conn = db->acquire();
    drop_guards(*conn);
    // Back to schema 6, then three records written by the old code.
    conn->exec_script(
        "DELETE FROM schema_migrations WHERE version >= 7; DROP INDEX users_username_lower;"
        "ALTER TABLE users DROP COLUMN region_code;"
        "DROP INDEX local_programmes_region; ALTER TABLE local_programmes DROP COLUMN region_code;"
        "DROP INDEX index_definitions_region; ALTER TABLE index_definitions DROP COLUMN region_code;"
        "ALTER TABLE audit_log DROP COLUMN key_id;"
        "ALTER TABLE audit_head DROP COLUMN legacy_last_id; ALTER TABLE audit_head DROP COLUMN legacy_seal;"
        "DROP TABLE indicator_definitions; DROP TABLE installation_settings; DROP TABLE indicator_targets;"
        "DROP TABLE notice_reads; DROP TABLE notices; ALTER TABLE users DROP COLUMN department;");
    std::string prev(64, '0');
    for (int i = 1; i <= 3; ++i) {
      conn->execute("INSERT INTO audit_log (id, at, actor, ip, action, entity, entity_id, after_json, prev_hash, hash) "
                    "VALUES ($1, '2026-01-0" + std::to_string(i) + "T00:00:00Z', 'old', 'local', 'user.create', "
                    "'user', $2, '{}', $3, '')",
                    {std::int64_t{i}, std::to_string(i), prev});
      auto row = conn->query_one("SELECT id, at, actor, ip, action, entity, entity_id, before_json, after_json "
                                 "FROM audit_log WHERE id = $1", {std::int64_t{i}});
      prev = old_sha256_rule(*row, prev);
      conn->execute("UPDATE audit_log SET hash = $1 WHERE id = $2", {prev, std::int64_t{i}});
    }
    conn->execute("UPDATE audit_head SET last_id = 3, last_hash = $1", {prev});
  }
  // Applies migration 7 (and those after it) and, as the migrating process does, seals.
  void upgrade(bool seal = true) {
    const auto applied = store::migrate(*db);
    // 8: usernames unique regardless of case; 9: region scopes; 10: regions of programmes and
    // definitions; 11: saved indicator definitions, targets and installation settings; 12: districts
    // copied onto records placed through a reference (here the tables have the column already);
    // 13: notices and departments
    ASSERT_EQ(applied, (std::vector<int>{7, 8, 9, 10, 11, 12, 13}));
    if (seal) {
      auto conn = db->acquire();
      seal_legacy_audit(*conn);
    }
  }
  testing::TempDatabase db;
};

TEST_F(AuditLegacy, UnkeyedRecordsVerifyByTheOldRuleThenKeyedOnes) {
  upgrade();
  append_things(*db, 4, 5);
  auto conn = db->acquire();
  EXPECT_EQ(conn->query_one("SELECT legacy_last_id FROM audit_head")->integer(0), 3);
  EXPECT_TRUE(conn->query_one("SELECT legacy_seal FROM audit_head")->text(0).starts_with("klegacy:"));
  const auto v = verify_audit(*conn);
  EXPECT_TRUE(v.ok) << v.problem << " " << v.first_bad_id.value_or(0);
  EXPECT_EQ(v.records, 5);
  EXPECT_EQ(v.legacy_records, 3);
}

TEST_F(AuditLegacy, AnEditedUnkeyedRecordIsStillDetected) {
  upgrade();
  append_things(*db, 4, 4);
  auto conn = db->acquire();
  conn->execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
  EXPECT_EQ(verify_audit(*conn).first_bad_id, 2);
}

TEST_F(AuditLegacy, RecomputingTheUnkeyedRecordsBreaksTheSeal) {
  upgrade();
  auto conn = db->acquire();
  recompute_with_sha256(*conn, 2, false);
  const auto v = verify_audit(*conn);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_EQ(v.problem, "unsealed");
}

TEST_F(AuditLegacy, KeyedRecordsRewrittenAsUnkeyedAreDetected) {
  upgrade();
  append_things(*db, 4, 5);
  auto conn = db->acquire();
  recompute_with_sha256(*conn, 5, false);
  auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 4);
  EXPECT_EQ(v.problem, "edited");
  // …and moving the end of the unkeyed records over them needs a seal only the key can make.
  conn->execute("UPDATE audit_head SET legacy_last_id = 5, legacy_seal = NULL");
  v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 5);
  EXPECT_EQ(v.problem, "unsealed");
}

TEST_F(AuditLegacy, WithoutTheSealUnkeyedRecordsDoNotVerify) {
  upgrade(false);
  auto conn = db->acquire();
  const auto v = verify_audit(*conn);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_EQ(v.problem, "unsealed");
}

class AuditAnchors : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init_crypto();
    use_keys("kanchor:" + hex_secret('e'));
    append_things(*db, 1, 4);
    auto signed_by = load_anchor_signer(dir.file("anchor-key"), true);
    ASSERT_TRUE(signed_by.ok()) << signed_by.problem().detail;
    signer = signed_by.value();
    anchors = dir.file("anchors");
  }
  std::vector<AnchorPoint> read() {
    auto f = read_anchor_file(anchors, signer.public_key);
    EXPECT_TRUE(f.ok());
    EXPECT_EQ(f->bad_line, 0) << f->bad_reason;
    return f->points;
  }
  void anchor() {
    auto line = anchor_audit_chain(*db, signer, anchors);
    ASSERT_TRUE(line.ok()) << line.problem().detail;
  }
  TempDir dir;
  testing::TempDatabase db;
  AnchorSigner signer;
  std::string anchors;
};

TEST_F(AuditAnchors, AnAnchorRecordsTheSignedHead) {
  anchor();
  anchor();  // the same head twice is harmless
  auto conn = db->acquire();
  const auto points = read();
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].last_id, 4);
  EXPECT_EQ(points[0].key_id, "kanchor");
  EXPECT_EQ(points[0].head, conn->query_one("SELECT hash FROM audit_log WHERE id = 4")->text(0));
  const auto v = verify_audit(*conn, points);
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.anchors_checked, 2);
  struct stat st {};
  ASSERT_EQ(::stat(dir.file("anchor-key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(AuditAnchors, DetectAChainRecomputedWithTheRealKey) {
  anchor();
  append_things(*db, 5, 6);
  anchor();
  auto conn = db->acquire();
  drop_guards(*conn);
  // Records 5 and 6 replaced by others, chained and keyed correctly: only the anchor can tell.
  conn->execute("DELETE FROM audit_log WHERE id >= 5");
  conn->execute("UPDATE audit_head SET last_id = 4, last_hash = (SELECT hash FROM audit_log WHERE id = 4)");
  {
    store::in_transaction(*conn, [&] {
      for (int i = 0; i < 2; ++i) append_audit(*conn, Actor::system("mallory"), "thing.update", "thing", "x", std::nullopt, std::nullopt);
    });
  }
  EXPECT_TRUE(verify_audit(*conn).ok) << "the key alone cannot tell";
  const auto v = verify_audit(*conn, read());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.problem, "recomputed");
  EXPECT_EQ(v.first_bad_id, 5) << "the first anchor still holds";
  EXPECT_EQ(v.last_bad_id, 6);
  EXPECT_EQ(v.anchor_line, 2);
}

TEST_F(AuditAnchors, DetectRecordsCutOffTheEnd) {
  anchor();
  auto conn = db->acquire();
  drop_guards(*conn);
  conn->execute("DELETE FROM audit_log WHERE id >= 3");
  conn->execute("UPDATE audit_head SET last_id = 2, last_hash = (SELECT hash FROM audit_log WHERE id = 2)");
  EXPECT_TRUE(verify_audit(*conn).ok) << "a shorter chain is still a chain";
  const auto v = verify_audit(*conn, read());
  EXPECT_EQ(v.problem, "deleted");
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_EQ(v.last_bad_id, 4);
}

TEST_F(AuditAnchors, AForgedOrForeignAnchorLineIsNamed) {
  anchor();
  std::string line;
  {
    std::ifstream in(anchors);
    std::getline(in, line);
  }
  // The head changed to what a recomputed chain has: the signature no longer holds.
  auto forged = line;
  forged.replace(forged.find("\"head\":\"") + 8, 4, "abcd");
  std::ofstream(anchors, std::ios::app) << forged << "\n";
  auto f = read_anchor_file(anchors, signer.public_key);
  EXPECT_EQ(f->bad_line, 2);
  EXPECT_EQ(f->bad_reason, "bad_signature");
  // Signed by another key: the verifier trusts only its own.
  auto other = load_anchor_signer(dir.file("other-key"), true);
  f = read_anchor_file(anchors, other->public_key);
  EXPECT_EQ(f->bad_line, 1);
  EXPECT_EQ(f->bad_reason, "other_signer");
}

TEST_F(AuditAnchors, AnchoringRefusesABrokenHead) {
  auto conn = db->acquire();
  drop_guards(*conn);
  conn->execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 4");
  auto made = make_anchor(*conn, signer);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.problem().code, "audit_chain_broken");
}

TEST(AuditKeys, ParsesKeyringsInEveryWrittenForm) {
  crypto::init_crypto();
  const std::string secret(32, 'x');
  const auto hex = crypto::to_hex(secret);
  auto ring = parse_keyring("# comment\n\nold:" + hex + "\nnew:" + crypto::to_base64(secret) + "\n", "test");
  ASSERT_TRUE(ring.ok()) << ring.problem().detail;
  EXPECT_EQ(ring->keys().size(), 2u);
  EXPECT_EQ(ring->signing().id, "new");
  EXPECT_EQ(ring->find("old")->secret, secret);
  auto bare = parse_keyring(hex, "env");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->signing().id, audit_key_id(secret)) << "a bare secret gets its derived id";
  EXPECT_TRUE(parse_keyring("a:" + hex + ",b:" + crypto::to_hex(std::string(32, 'y')), "env").ok());
  EXPECT_EQ(parse_keyring("a:" + crypto::to_hex(std::string(16, 'x')), "env").problem().code, "audit_key_invalid");
  EXPECT_EQ(parse_keyring("a:" + hex + "\na:" + hex, "env").problem().code, "audit_key_invalid");
  EXPECT_EQ(parse_keyring("a:not-a-secret!", "env").problem().code, "audit_key_invalid");
  EXPECT_EQ(parse_keyring("# only a comment\n", "env").problem().code, "audit_key_invalid");
}

TEST(AuditKeys, TheSourceFollowsTheDocumentedOrder) {
  AuditKeySettings s{"/opt/a", "secret", "/opt/b", "/data/kc.db", false};
  EXPECT_EQ(choose_audit_key_source(s)->file, "/opt/a");
  s.key_file.clear();
  EXPECT_EQ(choose_audit_key_source(s)->env_keys, "secret");
  s.env_key.clear();
  EXPECT_EQ(choose_audit_key_source(s)->file, "/opt/b");
  s.env_key_file.clear();
  EXPECT_EQ(choose_audit_key_source(s)->file, "/data/kc.db.audit-key");
  s.postgres = true;
  EXPECT_EQ(choose_audit_key_source(s).problem().code, "audit_key_missing");
}

TEST(AuditAnchorFiles, DefaultBesideASqliteDatabaseOnly) {
  AnchorSettings s{"", "", "", "", "/data/kc.db", false};
  EXPECT_EQ(choose_anchor_paths(s)->anchor_file, "/data/kc.db.audit-anchors");
  EXPECT_EQ(choose_anchor_paths(s)->key_file, "/data/kc.db.audit-anchor-key");
  s.env_anchor_file = "/var/log/kc-anchors";
  s.key_file = "/etc/kc/anchor-key";
  s.env_key_file = "/ignored";
  EXPECT_EQ(choose_anchor_paths(s)->anchor_file, "/var/log/kc-anchors");
  EXPECT_EQ(choose_anchor_paths(s)->key_file, "/etc/kc/anchor-key");
  s = {"", "", "", "", "postgresql://h/db", true};
  EXPECT_EQ(choose_anchor_paths(s).problem().code, "audit_anchor_paths_missing");
  s.anchor_file = "/var/log/kc-anchors";
  s.need_key_file = false;  // verify with --anchor-public-key
  EXPECT_TRUE(choose_anchor_paths(s).ok());
}

TEST(AuditKeys, AMissingKeyFileIsCreatedOwnerOnly) {
  crypto::init_crypto();
  TempDir dir;
  const auto path = dir.file("kc.db.audit-key");
  auto ring = load_audit_keyring({path, "", "test"});
  ASSERT_TRUE(ring.ok()) << ring.problem().detail;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = load_audit_keyring({path, "", "test"});
  EXPECT_EQ(again->signing().id, ring->signing().id) << "created once, then read";
  EXPECT_EQ(again->signing().secret, ring->signing().secret);
}

TEST(AuditKeys, AKeyFileOthersMayReadIsRefused) {
  crypto::init_crypto();
  TempDir dir;
  const auto path = dir.file("audit-key");
  ASSERT_TRUE(load_audit_keyring({path, "", "test"}).ok());
  ::chmod(path.c_str(), 0644);
  auto ring = load_audit_keyring({path, "", "test"});
  ASSERT_FALSE(ring.ok());
  EXPECT_EQ(ring.problem().code, "audit_key_permissions");
  EXPECT_NE(ring.problem().detail.find("0644"), std::string::npos) << ring.problem().detail;
  EXPECT_NE(ring.problem().detail.find("chmod 600"), std::string::npos);
  EXPECT_FALSE(install_audit_keys({path, "", "test"}).ok());
}

TEST(AuditKeys, RotationKeepsTheOldKeysAndAnInstalledKeyringFollowsTheFile) {
  crypto::init_crypto();
  TempDir dir;
  const AuditKeySource source{dir.file("audit-key"), "", "test"};
  ASSERT_TRUE(install_audit_keys(source).ok());
  const auto before = audit_keys();
  auto key = rotate_audit_key(source);
  ASSERT_TRUE(key.ok()) << key.problem().detail;
  EXPECT_NE(key->id, before->signing().id);
  const auto after = audit_keys();  // re-read: the file changed
  EXPECT_EQ(after->keys().size(), 2u);
  EXPECT_EQ(after->signing().id, key->id);
  EXPECT_NE(after->find(before->signing().id), nullptr);
  struct stat st {};
  ASSERT_EQ(::stat(source.file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // A changed file that cannot be used leaves the keys in use in place.
  ::chmod(source.file.c_str(), 0644);
  std::ofstream(source.file, std::ios::app) << "# touched\n";
  EXPECT_EQ(audit_keys()->signing().id, key->id);
  EXPECT_EQ(rotate_audit_key({"", "k:" + hex_secret('1'), "KECHUANG_AUDIT_KEY"}).problem().code,
            "audit_key_from_environment");
}

TEST(AuditAnchorTimer, ParsesIntervals) {
  EXPECT_EQ(parse_interval("600"), std::chrono::seconds(600));
  EXPECT_EQ(parse_interval("90s"), std::chrono::seconds(90));
  EXPECT_EQ(parse_interval("10m"), std::chrono::seconds(600));
  EXPECT_EQ(parse_interval("2h"), std::chrono::seconds(7200));
  EXPECT_EQ(parse_interval("0"), std::chrono::seconds(0));
  EXPECT_FALSE(parse_interval(""));
  EXPECT_FALSE(parse_interval("m"));
  EXPECT_FALSE(parse_interval("-5m"));
  EXPECT_FALSE(parse_interval("10 minutes"));
}

TEST(AuditAnchorTimer, RunsAtOnceAndThenOnTheInterval) {
  std::atomic<int> runs{0};
  {
    AuditAnchorTimer timer(std::chrono::seconds(1), [&] { ++runs; });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  }
  EXPECT_EQ(runs.load(), 2);
}

}  // namespace
}  // namespace kc::app
