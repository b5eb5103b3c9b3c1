#include "store/sqlite_driver.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "store/postgres_driver.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

TEST(SqliteDriver, BindsNumberedParametersInAnyOrder) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  conn->exec_script("CREATE TABLE t (a TEXT, b INTEGER, c REAL, d TEXT)");
  conn->execute("INSERT INTO t (b, a, c, d) VALUES ($2, $1, $3, $4)",
                {std::string("x"), std::int64_t{42}, 2.5, std::monostate{}});
  auto row = conn->query_one("SELECT a, b, c, d FROM t WHERE b = $1", {std::int64_t{42}});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "x");
  EXPECT_EQ(row->integer(1), 42);
  EXPECT_DOUBLE_EQ(row->real(2), 2.5);
  EXPECT_TRUE(row->is_null(3));
  EXPECT_EQ(row->optional_text(3), std::nullopt);
}

TEST(SqliteDriver, ReportsUniqueViolationsByKind) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  conn->exec_script("CREATE TABLE u (k TEXT UNIQUE)");
  conn->execute("INSERT INTO u VALUES ($1)", {std::string("a")});
  try {
    conn->execute("INSERT INTO u VALUES ($1)", {std::string("a")});
    FAIL() << "expected a unique violation";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unique_violation);
  }
}

TEST(SqliteDriver, EnforcesForeignKeys) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  try {
    conn->execute("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, ip) "
                  "VALUES ('h', 999, 'c', 0, 0, 'ip')");
    FAIL() << "expected a foreign key violation";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::foreign_key_violation);
  }
}

TEST(SqliteDriver, RollsBackWhenWorkThrows) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  conn->exec_script("CREATE TABLE t (v INTEGER)");
  EXPECT_THROW(in_transaction(*conn, [&] {
                 conn->execute("INSERT INTO t VALUES (1)");
                 throw std::runtime_error("half-way");
               }),
               std::runtime_error);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM t")->integer(0), 0);
  EXPECT_TRUE(conn->healthy());
}

TEST(SqliteDriver, PoolHandsOutConnectionsUpToItsSize) {
  testing::TempDatabase db;
  {
    auto a = db->acquire();
    auto b = db->acquire();
    EXPECT_EQ(db->stats().in_use, 2u);
  }
  EXPECT_EQ(db->stats().in_use, 0u);
  EXPECT_GE(db->stats().size, 2u);
}

TEST(SqliteDriver, ConcurrentWritersDoNotLoseWrites) {
  testing::TempDatabase db;
  db->acquire()->exec_script("CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0)");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto conn = db->acquire();
        in_transaction(*conn, [&] {
          const auto n = conn->query_one("SELECT n FROM counter")->integer(0);
          conn->execute("UPDATE counter SET n = $1", {n + 1});
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(db->acquire()->query_one("SELECT n FROM counter")->integer(0), 100);
}

TEST(SqliteDriver, StatementCacheStaysWithinItsBound) {
  testing::TempDatabase file;  // for its path and cleanup; opened again with a small cache
  SqliteOptions options;
  options.statement_cache = 8;
  auto db = make_sqlite_database(file.path().string(), 1, options);
  auto conn = db->acquire();
  conn->exec_script("CREATE TABLE t (v INTEGER)");
  conn->execute("INSERT INTO t VALUES (41)");
  // Texts built dynamically, as list filters and batch sizes build them: each one is new.
  for (int i = 0; i < 100; ++i) {
    const auto row = conn->query_one("SELECT v + " + std::to_string(i) + " FROM t WHERE v = $1", {std::int64_t{41}});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->integer(0), 41 + i);
    EXPECT_LE(sqlite_statement_stats(*conn).cached, 8u);
  }
  EXPECT_EQ(sqlite_statement_stats(*conn).cached, 8u);
  EXPECT_GE(sqlite_statement_stats(*conn).prepared, 100u);
}

TEST(SqliteDriver, EvictsTheLeastRecentlyUsedStatementAndPreparesItAgain) {
  testing::TempDatabase file;
  SqliteOptions options;
  options.statement_cache = 2;
  auto db = make_sqlite_database(file.path().string(), 1, options);
  auto conn = db->acquire();
  conn->exec_script("CREATE TABLE t (v INTEGER)");
  const std::string insert = "INSERT INTO t VALUES ($1)", count = "SELECT COUNT(*) FROM t",
                    sum = "SELECT SUM(v) FROM t WHERE v > $1";
  const auto prepared = [&] { return sqlite_statement_stats(*conn).prepared; };
  const auto before = prepared();
  conn->execute(insert, {std::int64_t{1}});
  EXPECT_EQ(conn->query_one(count)->integer(0), 1);
  conn->execute(insert, {std::int64_t{2}});  // a hit: `insert` is now the most recent
  EXPECT_EQ(prepared(), before + 2);
  EXPECT_EQ(conn->query_one(sum, {std::int64_t{0}})->integer(0), 3);  // evicts `count`, not `insert`
  EXPECT_EQ(prepared(), before + 3);
  conn->execute(insert, {std::int64_t{3}});
  EXPECT_EQ(prepared(), before + 3);
  // The evicted statement is prepared again and binds and steps as before.
  EXPECT_EQ(conn->query_one(count)->integer(0), 3);
  EXPECT_EQ(prepared(), before + 4);
  EXPECT_EQ(conn->query_one(sum, {std::int64_t{1}})->integer(0), 5);  // `sum` had been evicted by `count`
  EXPECT_EQ(prepared(), before + 5);
  EXPECT_EQ(sqlite_statement_stats(*conn).cached, 2u);
}

TEST(PostgresDriver, RedactsPasswordsForLogs) {
  EXPECT_EQ(redact_postgres_uri("postgresql://kc:s3cret@db:5432/kc"), "postgresql://kc:***@db:5432/kc");
  EXPECT_EQ(redact_postgres_uri("postgresql://db/kc?user=kc&password=s3cret&sslmode=require"),
            "postgresql://db/kc?user=kc&password=***&sslmode=require");
  EXPECT_EQ(redact_postgres_uri("postgresql://kc@db/kc"), "postgresql://kc@db/kc");
}

TEST(PostgresDriver, UnreachableServerIsReportedAsUnavailable) {
  auto db = Database::open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
  try {
    db->acquire();
    FAIL() << "expected the connection to fail";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unavailable);
  }
  EXPECT_EQ(db->stats().in_use, 0u);
}

}  // namespace
}  // namespace kc::store
