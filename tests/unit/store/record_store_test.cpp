#include "store/record_store.hpp"

#include <gtest/gtest.h>

#include "domain/registry_kinds.hpp"
#include "store/scope_district.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

Record enterprise(const domain::KindDef& k, const std::string& code, const std::string& name) {
  Record r;
  r.cells.resize(k.fields.size());
  r.cells[0] = code;
  r.cells[1] = name;
  return r;
}

// The range stays in digits, so a collation other than C (PostgreSQL's en_US, zh_CN) orders it
// as SQLite does: "3309" ends before "3310", not before "330:".
TEST(RecordStore, DistrictRangesCarryInDigits) {
  EXPECT_EQ(district_range("3309"), std::make_pair(std::string("3309"), std::string("3310")));
  EXPECT_EQ(district_range("33"), std::make_pair(std::string("33"), std::string("34")));
  EXPECT_EQ(district_range("330299"), std::make_pair(std::string("330299"), std::string("330300")));
  EXPECT_EQ(district_range("99").second, "~");
}

TEST(RecordStore, TablesFollowTheDeclarations) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  for (const auto& k : domain::registry_kinds()) {
    auto cols = conn->query("SELECT name FROM pragma_table_info($1)", {k.table});
    // id, created_at, updated_at, and for kinds placed through a reference the district copied.
    EXPECT_EQ(cols.size(), k.fields.size() + 3 + (placed_by_reference(k) ? 1 : 0)) << k.table;
  }
}

TEST(RecordStore, SyncAddsColumnsForNewFieldsWithoutLosingData) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("enterprises");
  RecordStore store(*conn, k);
  const auto id = store.insert(enterprise(k, "91350100M000100Y43", "甲"));
  // Simulate a database from before the `tags` field existed.
  conn->exec_script("ALTER TABLE reg_enterprises DROP COLUMN tags");
  sync_registry_schema(*conn);
  auto back = store.get(id);
  ASSERT_TRUE(back);
  EXPECT_EQ(std::get<std::string>(back->cells[1]), "甲");
}

TEST(RecordStore, ListsWithSearchFilterSortAndPage) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("enterprises");
  RecordStore store(*conn, k);
  const char* codes[] = {"91350100M000100Y43", "91110000100010433L", "91440300708461136T"};
  for (int i = 0; i < 3; ++i) store.insert(enterprise(k, codes[i], "企业" + std::to_string(i)));
  RecordQuery q;
  q.q = "企业";
  q.sort_field = "name";
  q.descending = true;
  q.page = {1, 2};
  auto page = store.list(q);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(std::get<std::string>(page[0].cells[1]), "企业2");
  EXPECT_EQ(store.count(q), 3);
  q.equals = {{"credit_code", domain::Cell{std::string(codes[1])}}};
  EXPECT_EQ(store.count(q), 1);
}

TEST(RecordStore, UpdateReportsWhetherTheRecordWasThere) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("enterprises");
  RecordStore store(*conn, k);
  auto record = enterprise(k, "91350100M000100Y43", "甲");
  record.id = store.insert(record);
  record.cells[1] = std::string("乙");
  EXPECT_TRUE(store.update(record));
  EXPECT_EQ(std::get<std::string>(store.get(record.id)->cells[1]), "乙");
  ASSERT_TRUE(store.remove(record.id));
  record.cells[1] = std::string("丙");
  EXPECT_FALSE(store.update(record));  // gone: reported, not silently skipped
  EXPECT_EQ(store.count({}), 0);
}

TEST(RecordStore, NaturalKeysAreUnique) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("enterprises");
  RecordStore store(*conn, k);
  store.insert(enterprise(k, "91350100M000100Y43", "甲"));
  EXPECT_TRUE(store.find_by_natural_key(enterprise(k, "91350100M000100Y43", "乙")));
  EXPECT_THROW(store.insert(enterprise(k, "91350100M000100Y43", "乙")), DbError);
}

TEST(RecordStore, AppenderWritesFullAndPartialBatchesWithOneTimestamp) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("patents");
  RecordStore store(*conn, k);
  // Enough rows for at least one full multi-row statement and a partial one.
  const std::size_t n = 4000 / (k.fields.size() + 1) * 2 + 3;
  std::vector<std::size_t> keys;
  for (const auto& name : k.natural_key) keys.push_back(static_cast<std::size_t>(k.field(name) - k.fields.data()));
  ASSERT_EQ(keys.size(), 1u);
  const auto& key = k.fields[keys[0]];
  ASSERT_EQ(key.type, domain::FieldType::patent_number);
  {
    RecordAppender appender(*conn, k);
    in_transaction(*conn, [&] {
      for (std::size_t i = 0; i < n; ++i) {
        Record r;
        r.cells.resize(k.fields.size());
        for (std::size_t f = 0; f < k.fields.size(); ++f) {
          if (k.fields[f].type == domain::FieldType::text) r.cells[f] = "t" + std::to_string(i);
        }
        // Patent numbers need a check digit; the table itself stores any text.
        r.cells[keys[0]] = "CN" + std::to_string(100000 + i);
        appender.add(r);
      }
      const auto written = conn->query_one("SELECT COUNT(*) FROM " + k.table)->integer(0);
      EXPECT_GT(written, 0) << "full batches are written as they fill";
      EXPECT_LT(written, static_cast<std::int64_t>(n)) << "the partial batch waits for flush()";
      EXPECT_EQ(appender.pending(), n - static_cast<std::size_t>(written));
      appender.flush();
      EXPECT_EQ(appender.pending(), 0u);
    });
  }
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM " + k.table)->integer(0), static_cast<std::int64_t>(n));
  EXPECT_EQ(conn->query_one("SELECT COUNT(DISTINCT created_at) FROM " + k.table)->integer(0), 1);
  Record probe;
  probe.cells.resize(k.fields.size());
  probe.cells[keys[0]] = "CN" + std::to_string(100000 + n - 1);
  auto last = store.find_by_natural_key(probe);
  ASSERT_TRUE(last);
  EXPECT_EQ(store.id_by_natural_key(probe), last->id);
  ASSERT_EQ(k.fields[1].type, domain::FieldType::text);
  EXPECT_EQ(std::get<std::string>(last->cells[1]), "t" + std::to_string(n - 1));
  EXPECT_TRUE(store.exists(last->id));
  EXPECT_FALSE(store.exists(last->id + 1));
}

TEST(RecordStore, ScansNaturalKeysInIdOrderPageByPage) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("enterprises");
  RecordStore store(*conn, k);
  const char* codes[] = {"91350100M000100Y43", "91110000100010433L", "91440300708461136T"};
  for (const char* c : codes) store.insert(enterprise(k, c, "x"));
  std::vector<std::string> seen;
  std::int64_t after = 0;
  int pages = 0;
  while ((after = store.scan_natural_keys(after, 2, [&](std::int64_t, const Record& r) {
            seen.push_back(std::get<std::string>(r.cells[0]));
            EXPECT_TRUE(std::holds_alternative<std::monostate>(r.cells[1])) << "only key cells are read";
          })) != 0) {
    ++pages;
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen, (std::vector<std::string>{codes[0], codes[1], codes[2]}));
}

}  // namespace
}  // namespace kc::store
