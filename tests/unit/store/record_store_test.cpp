#include "store/record_store.hpp"

#include <gtest/gtest.h>

#include "domain/registry_kinds.hpp"
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

TEST(RecordStore, TablesFollowTheDeclarations) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  for (const auto& k : domain::registry_kinds()) {
    auto cols = conn->query("SELECT name FROM pragma_table_info($1)", {k.table});
    EXPECT_EQ(cols.size(), k.fields.size() + 3) << k.table;
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

TEST(RecordStore, NaturalKeysAreUnique) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  const auto& k = *domain::find_kind("enterprises");
  RecordStore store(*conn, k);
  store.insert(enterprise(k, "91350100M000100Y43", "甲"));
  EXPECT_TRUE(store.find_by_natural_key(enterprise(k, "91350100M000100Y43", "乙")));
  EXPECT_THROW(store.insert(enterprise(k, "91350100M000100Y43", "乙")), DbError);
}

}  // namespace
}  // namespace kc::store
