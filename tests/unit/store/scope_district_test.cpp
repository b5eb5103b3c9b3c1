// The district copied onto records placed through a reference (store/scope_district.hpp) is kept
// right by every write: a scoped user sees a dependant exactly when its enterprise is in scope.
#include "store/scope_district.hpp"

#include <gtest/gtest.h>

#include "domain/registry_kinds.hpp"
#include "store/migrations.hpp"
#include "store/record_store.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

const domain::KindDef& kind(const char* name) { return *domain::find_kind(name); }

Record blank(const domain::KindDef& k) {
  Record r;
  r.cells.resize(k.fields.size());
  return r;
}

Record enterprise(const std::string& code, const std::string& region) {
  const auto& k = kind("enterprises");
  Record r = blank(k);
  r.cells[k.index_of("credit_code")] = code;
  r.cells[k.index_of("name")] = "企业 " + code;
  r.cells[k.index_of("region_code")] = region;
  return r;
}

Record year_of(std::int64_t enterprise_id, std::int64_t year) {
  const auto& k = kind("enterprise_years");
  Record r = blank(k);
  r.cells[k.index_of("enterprise_id")] = enterprise_id;
  r.cells[k.index_of("year")] = year;
  return r;
}

Record certificate_of(std::int64_t enterprise_id, const std::string& number) {
  const auto& k = kind("hte_certificates");
  Record r = blank(k);
  r.cells[k.index_of("enterprise_id")] = enterprise_id;
  r.cells[k.index_of("certificate_no")] = number;
  r.cells[k.index_of("issued_on")] = std::string("2024-01-01");
  return r;
}

std::int64_t scoped_count(Connection& conn, const char* kind_name, const std::string& prefix) {
  RecordQuery q;
  q.district_prefix = prefix;
  RecordStore store(conn, kind(kind_name));
  const auto n = store.count(q);
  q.page = {1, 1000};
  EXPECT_EQ(static_cast<std::int64_t>(store.list(q).size()), n) << kind_name << " in " << prefix;
  return n;
}

std::string stored_district(Connection& conn, const domain::KindDef& k, std::int64_t id) {
  auto row = conn.query_one("SELECT " + std::string(kScopeDistrictColumn) + " FROM " + k.table + " WHERE id = $1", {id});
  return row && !row->is_null(0) ? row->text(0) : "NULL";
}

TEST(ScopeDistrict, IsTheColumnOfKindsPlacedThroughAReference) {
  EXPECT_FALSE(placed_by_reference(kind("enterprises")));
  EXPECT_EQ(scope_column(kind("enterprises")), "region_code");
  EXPECT_TRUE(placed_by_reference(kind("enterprise_years")));
  EXPECT_EQ(scope_column(kind("enterprise_years")), kScopeDistrictColumn);
  EXPECT_TRUE(placed_by_reference(kind("platform_years")));
  for (const auto& k : domain::registry_kinds()) {
    EXPECT_EQ(k.field(kScopeDistrictColumn), nullptr) << k.name << ": the internal column is no declared field";
  }
}

TEST(ScopeDistrict, InsertAndUpdateCopyTheReferencedDistrict) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  RecordStore enterprises(*conn, kind("enterprises"));
  RecordStore years(*conn, kind("enterprise_years"));
  const auto a = enterprises.insert(enterprise("91350100M000100Y43", "330205"));
  const auto b = enterprises.insert(enterprise("91110000100010433L", "330206"));
  auto y = year_of(a, 2023);
  y.id = years.insert(y);
  EXPECT_EQ(stored_district(*conn, kind("enterprise_years"), y.id), "330205");
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 1);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 0);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "3302"), 1);
  // The year corrected to the other enterprise: it moves with its reference.
  y.cells[kind("enterprise_years").index_of("enterprise_id")] = b;
  ASSERT_TRUE(years.update(y));
  EXPECT_EQ(stored_district(*conn, kind("enterprise_years"), y.id), "330206");
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 0);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 1);
  RecordQuery filtered;
  filtered.district_prefix = "330206";
  filtered.equals = {{"year", domain::Cell{std::int64_t{2023}}}};
  EXPECT_EQ(years.count(filtered), 1);
  EXPECT_TRUE(years.exists_in(y.id, "330206"));
  EXPECT_FALSE(years.exists_in(y.id, "330205"));
}

TEST(ScopeDistrict, MovingAnEnterpriseMovesItsDependants) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  RecordStore enterprises(*conn, kind("enterprises"));
  RecordStore years(*conn, kind("enterprise_years"));
  RecordStore certificates(*conn, kind("hte_certificates"));
  auto moved = enterprise("91350100M000100Y43", "330205");
  moved.id = enterprises.insert(moved);
  const auto stays = enterprises.insert(enterprise("91110000100010433L", "330205"));
  for (std::int64_t year : {2021, 2022, 2023}) years.insert(year_of(moved.id, year));
  years.insert(year_of(stays, 2023));
  certificates.insert(certificate_of(moved.id, "GR202433000001"));
  ASSERT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 4);

  // A change that keeps the district leaves the dependants alone.
  moved.cells[kind("enterprises").index_of("town")] = std::string("新碶街道");
  ASSERT_TRUE(enterprises.update(moved));
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 4);

  in_transaction(*conn, [&] {
    moved.cells[kind("enterprises").index_of("region_code")] = std::string("330206");
    ASSERT_TRUE(enterprises.update(moved));
  });
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 1);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 3);
  EXPECT_EQ(scoped_count(*conn, "hte_certificates", "330205"), 0);
  EXPECT_EQ(scoped_count(*conn, "hte_certificates", "330206"), 1);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "3302"), 4);

  // Rolled back with the move: the dependants stay where the enterprise stays.
  try {
    in_transaction(*conn, [&] {
      moved.cells[kind("enterprises").index_of("region_code")] = std::string("330211");
      ASSERT_TRUE(enterprises.update(moved));
      throw std::runtime_error("abandoned");
    });
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330211"), 0);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 3);

  // Without a district the enterprise is in no district's scope, nor are its dependants.
  moved.cells[kind("enterprises").index_of("region_code")] = domain::Cell{};
  ASSERT_TRUE(enterprises.update(moved));
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 0);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "33"), 1);
  EXPECT_EQ(years.count({}), 4);
}

TEST(ScopeDistrict, BulkAppendFillsTheColumnPerRow) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  RecordStore enterprises(*conn, kind("enterprises"));
  const auto a = enterprises.insert(enterprise("91350100M000100Y43", "330205"));
  const auto b = enterprises.insert(enterprise("91110000100010433L", "330206"));
  const auto& k = kind("enterprise_years");
  // Only the file's columns (an import), more rows than one statement holds.
  RecordAppender appender(*conn, k, {k.index_of("enterprise_id"), k.index_of("year")});
  in_transaction(*conn, [&] {
    for (std::int64_t year = 1950; year < 2100; ++year) {
      appender.add(year_of(a, year));
      if (year % 3 == 0) appender.add(year_of(b, year));
    }
    appender.flush();
  });
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 150);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 50);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM " + k.table + " WHERE " + kScopeDistrictColumn + " IS NULL")->integer(0),
            0);
}

TEST(ScopeDistrict, MigrationFillsTheColumnOfStoredRecords) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  RecordStore enterprises(*conn, kind("enterprises"));
  RecordStore years(*conn, kind("enterprise_years"));
  const auto a = enterprises.insert(enterprise("91350100M000100Y43", "330205"));
  const auto b = enterprises.insert(enterprise("91110000100010433L", "330206"));
  years.insert(year_of(a, 2022));
  years.insert(year_of(b, 2022));
  years.insert(year_of(b, 2023));
  // A database from before migration 12: no column, the filter index over the reference.
  const auto& k = kind("enterprise_years");
  conn->exec_script("DROP INDEX " + k.table + "_" + kScopeDistrictColumn + "; DROP INDEX " + k.table +
                    "_year_district; ALTER TABLE " + k.table + " DROP COLUMN " + kScopeDistrictColumn +
                    "; CREATE INDEX " + k.table + "_year_district ON " + k.table + " (year, enterprise_id)");
  conn->execute("DELETE FROM schema_migrations WHERE version = 12");
  EXPECT_EQ(migrate(*db), std::vector<int>{12});
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330205"), 1);
  EXPECT_EQ(scoped_count(*conn, "enterprise_years", "330206"), 2);
  auto index = conn->query("SELECT name FROM pragma_index_info($1)", {k.table + "_year_district"});
  ASSERT_EQ(index.size(), 2u);
  EXPECT_EQ(index[1].text(0), kScopeDistrictColumn) << "remade over the district";
}

}  // namespace
}  // namespace kc::store
