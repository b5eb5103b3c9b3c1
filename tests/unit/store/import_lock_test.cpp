// Import runs (store/import_lock.hpp), the storage error kinds and the storage alarm.
#include "store/import_lock.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <chrono>
#include <thread>

#include "domain/timestamp.hpp"
#include "store/postgres_driver.hpp"
#include "store/sqlite_driver.hpp"
#include "store/storage_alarm.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

using Kind = DbError::Kind;

TEST(StorageErrors, SqliteCodesMapToKinds) {
  EXPECT_EQ(sqlite_error_kind(SQLITE_FULL), Kind::storage_full);
  EXPECT_EQ(sqlite_error_kind(SQLITE_IOERR_WRITE), Kind::io_error);
  EXPECT_EQ(sqlite_error_kind(SQLITE_IOERR_FSYNC), Kind::io_error);
  EXPECT_EQ(sqlite_error_kind(SQLITE_READONLY), Kind::read_only);
  EXPECT_EQ(sqlite_error_kind(SQLITE_READONLY_DBMOVED), Kind::read_only);
  EXPECT_EQ(sqlite_error_kind(SQLITE_BUSY), Kind::unavailable);
  EXPECT_EQ(sqlite_error_kind(SQLITE_CONSTRAINT_UNIQUE), Kind::unique_violation);
  EXPECT_EQ(sqlite_error_kind(SQLITE_CONSTRAINT_FOREIGNKEY), Kind::foreign_key_violation);
  EXPECT_EQ(sqlite_error_kind(SQLITE_MISMATCH), Kind::other);
}

// A real disk-full cannot be made on a PostgreSQL server here without root tricks; the mapping of
// its SQLSTATEs is what the driver relies on.
TEST(StorageErrors, PostgresStatesMapToKinds) {
  EXPECT_EQ(postgres_error_kind("53100"), Kind::storage_full);  // disk_full
  EXPECT_EQ(postgres_error_kind("53200"), Kind::unavailable);   // out_of_memory
  EXPECT_EQ(postgres_error_kind("53300"), Kind::unavailable);   // too_many_connections
  EXPECT_EQ(postgres_error_kind("53400"), Kind::unavailable);   // configuration_limit_exceeded
  EXPECT_EQ(postgres_error_kind("25006"), Kind::read_only);
  EXPECT_EQ(postgres_error_kind("58030"), Kind::io_error);
  EXPECT_EQ(postgres_error_kind("55P03"), Kind::unavailable);   // lock_not_available
  EXPECT_EQ(postgres_error_kind("08006"), Kind::unavailable);
  EXPECT_EQ(postgres_error_kind("23505"), Kind::unique_violation);
  EXPECT_EQ(postgres_error_kind("23503"), Kind::foreign_key_violation);
  EXPECT_EQ(postgres_error_kind("42601"), Kind::other);
}

// PRAGMA max_page_count makes the file "full": the write fails as storage_full, the alarm goes
// up, and the next committed write clears it.
TEST(StorageErrors, APageQuotaFailsWritesAsStorageFullAndRaisesTheAlarm) {
  testing::TempDatabase temp;
  const std::string path = temp.path().string();
  auto conn0 = temp->acquire();
  const auto pages = conn0->query_one("PRAGMA page_count")->integer(0);
  auto db = make_sqlite_database(path, 1, SqliteOptions{.max_pages = pages + 4});
  auto conn = db->acquire();
  conn->exec_script("CREATE TABLE filler (t TEXT)");
  const std::string blob(3000, 'x');
  Kind kind = Kind::other;
  try {
    for (int i = 0; i < 100; ++i) {
      in_transaction(*conn, [&] { conn->execute("INSERT INTO filler VALUES ($1)", {blob}); });
    }
    FAIL() << "the quota was never reached";
  } catch (const DbError& e) {
    kind = e.kind();
  }
  EXPECT_EQ(kind, Kind::storage_full);
  ASSERT_TRUE(storage_alarm());
  EXPECT_EQ(storage_alarm()->kind, Kind::storage_full);
  in_transaction(*conn, [&] { conn->execute("DELETE FROM filler"); });
  EXPECT_FALSE(storage_alarm());
}

TEST(ImportRuns, ARegisteredImportIsLiveUntilItEnds) {
  testing::TempDatabase db;
  EXPECT_TRUE(live_import_runs(*db).empty());
  {
    ImportRunRecord run(*db, "enterprises", "big.csv", "cli (root)");
    run.set_rows(1234);
    const auto runs = live_import_runs(*db);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].kind, "enterprises");
    EXPECT_EQ(runs[0].source, "big.csv");
    EXPECT_EQ(runs[0].actor, "cli (root)");
    EXPECT_EQ(runs[0].started_at.size(), 20u);
    const std::string text = describe_import(runs[0]);
    EXPECT_NE(text.find("enterprises"), std::string::npos);
    EXPECT_NE(text.find("big.csv"), std::string::npos);
    EXPECT_NE(text.find(runs[0].started_at), std::string::npos);
    // The heartbeat carries the rows read.
    for (int i = 0; i < 50 && live_import_runs(*db).at(0).rows_done != 1234; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(live_import_runs(*db).at(0).rows_done, 1234);
  }
  EXPECT_TRUE(live_import_runs(*db).empty());
}

TEST(ImportRuns, StaleAndDeadRunsAreIgnored) {
  testing::TempDatabase db;
  { ImportRunRecord run(*db, "patents", "p.csv", "a"); }  // creates the companion file
  auto companion = make_sqlite_database(sqlite_import_runs_path(db.path().string()), 1,
                                        SqliteOptions{.watch_imports = false});
  auto conn = companion->acquire();
  const std::int64_t now = domain::now_epoch_seconds();
  auto add = [&](std::int64_t heartbeat, std::int64_t pid, const std::string& host) {
    conn->execute(
        "INSERT INTO import_runs (kind, source, actor, started_at, heartbeat_at, pid, host) "
        "VALUES ('enterprises', 'x.csv', 'a', '2026-01-01T00:00:00Z', $1, $2, $3)",
        {heartbeat, pid, host});
  };
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  add(now - kImportStaleSeconds - 5, 1, "elsewhere");  // stale heartbeat
  add(now, 0, host);                                   // no such process on this host
  EXPECT_TRUE(live_import_runs(*db).empty());
  add(now, 1, "elsewhere");  // fresh, on another host: trusted
  EXPECT_EQ(live_import_runs(*db).size(), 1u);
}

// A writer that meets the write lock of a registered import fails at once with
// import_in_progress naming it; without a registered import it waits for the lock as before.
TEST(ImportRuns, AWriterBlockedByAnImportIsToldWhichImport) {
  testing::TempDatabase db;
  auto other = Database::open(db.path().string(), 1);
  auto holder = db->acquire();
  holder->begin();
  {
    ImportRunRecord run(*db, "enterprises", "big.csv", "cli (root)");
    auto conn = other->acquire();
    try {
      conn->begin();
      FAIL() << "the write lock was taken during the import";
    } catch (const DbError& e) {
      EXPECT_EQ(e.kind(), Kind::import_in_progress);
      EXPECT_NE(e.detail().find("big.csv"), std::string::npos);
      EXPECT_NE(e.detail().find("cli (root)"), std::string::npos);
    }
  }
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder->rollback();
  });
  auto conn = other->acquire();
  EXPECT_NO_THROW(conn->begin());
  conn->rollback();
  release.join();
}

}  // namespace
}  // namespace kc::store
