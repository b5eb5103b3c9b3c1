#include "app/registry/import/registry_import.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "../store/temp_database.hpp"
#include "app/audit/audit_log.hpp"
#include "app/registry/import/registry_table.hpp"
#include "app/registry/registry_export.hpp"
#include "crypto/crypto.hpp"
#include "domain/credit_code.hpp"
#include "domain/registry_kinds.hpp"
#include "io/csv.hpp"
#include "io/registry_template.hpp"
#include "io/xlsx_reader.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

// Valid codes (GB 32100) used across these tests.
constexpr const char* kA = "91350100M000100Y43";
constexpr const char* kB = "91110000100010433L";

class RegistryImport : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init_crypto(); }
  Outcome<ImportSummary> run(const char* kind, const std::string& text, bool dry_run = false, bool update = false) {
    ImportOptions o;
    o.dry_run = dry_run;
    o.update = update;
    return import_records(*db, admin, *domain::find_kind(kind), text, o);
  }
  std::int64_t count(const char* table) {
    return db->acquire()->query_one(std::string("SELECT COUNT(*) FROM ") + table)->integer(0);
  }
  testing::TempDatabase db;
  Actor admin = Actor::system("tester");
};

TEST_F(RegistryImport, CreatesRecordsAndIsIdempotent) {
  const std::string csv = std::string("credit_code,name,registered_capital,above_size\n") + kA +
                          ",甲科技,1500.5,是\n" + kB + ",乙科技,,false\n";
  auto dry = run("enterprises", csv, true);
  ASSERT_TRUE(dry);
  EXPECT_EQ(dry->created, 2u);
  EXPECT_FALSE(dry->committed);
  EXPECT_EQ(count("reg_enterprises"), 0) << "a dry run writes nothing";
  auto first = run("enterprises", csv);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->committed);
  EXPECT_EQ(first->created, 2u);
  auto again = run("enterprises", csv);
  EXPECT_EQ(again->unchanged, 2u);
  EXPECT_EQ(again->created, 0u);
  EXPECT_EQ(count("reg_enterprises"), 2);
}

TEST_F(RegistryImport, OneBadRowMeansNothingIsWritten) {
  const std::string csv = std::string("credit_code,name,registered_capital,tech_field\n") + kA + ",甲,1,4\n" +
                          "91350100M000100Y44,乙,12.345678,9\n" + kB + ",,3,1\n";
  auto r = run("enterprises", csv);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->committed);
  EXPECT_EQ(count("reg_enterprises"), 0);
  std::vector<std::string> where;
  for (const auto& e : r->errors) where.push_back(std::to_string(e.row) + ":" + e.column);
  EXPECT_EQ(where, (std::vector<std::string>{"3:credit_code", "3:registered_capital", "3:tech_field", "4:name"}));
  EXPECT_EQ(r->errors[1].value, "12.345678");
  EXPECT_NE(r->errors[1].reason.find("4 decimals"), std::string::npos);
}

TEST_F(RegistryImport, HeaderProblemsAreReportedOnRowOne) {
  auto r = run("enterprises", "credit_code,colour,企业名称\nx,y,z\n");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 1u);
  EXPECT_EQ(r->errors[0].column, "colour");
  auto missing = run("enterprises", "name\n甲\n");
  EXPECT_EQ(missing->errors.at(0).column, "credit_code");
}

TEST_F(RegistryImport, DuplicateKeysInTheFileAreRefused) {
  auto r = run("enterprises", std::string("credit_code,name\n") + kA + ",甲\n" + kA + ",甲二\n");
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 3u);
  EXPECT_NE(r->errors[0].reason.find("duplicates row 2"), std::string::npos);
}

TEST_F(RegistryImport, ChangesNeedUpdateModeWhichKeepsOtherColumnsAndHistory) {
  ASSERT_TRUE(run("enterprises", std::string("credit_code,name,address\n") + kA + ",甲,杭州\n"));
  auto refused = run("enterprises", std::string("credit_code,name\n") + kA + ",甲改\n");
  ASSERT_EQ(refused->errors.size(), 1u);
  EXPECT_NE(refused->errors[0].reason.find("update mode"), std::string::npos);
  auto updated = run("enterprises", std::string("credit_code,tags\n") + kA + ",236\n", false, true);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->updated, 1u);
  auto conn = db->acquire();
  auto row = conn->query_one("SELECT name, address, tags FROM reg_enterprises");
  EXPECT_EQ(row->text(0), "甲");
  EXPECT_EQ(row->text(1), "杭州");
  EXPECT_EQ(row->text(2), "236");
  AuditFilter f;
  f.action = "enterprises.update";
  EXPECT_EQ(count_audit(*conn, f), 1);
  EXPECT_TRUE(verify_audit(*conn).ok);
}

TEST_F(RegistryImport, ReferencesByNaturalKeyAndGb18030) {
  ASSERT_TRUE(run("enterprises", std::string("credit_code,name\n") + kA + ",甲\n"));
  // "企业" columns as Chinese labels, in GB18030 as Excel on Chinese Windows saves it.
  const std::string gb = "\xC6\xF3\xD2\xB5,\xC4\xEA\xB6\xC8,rd_total\n" + std::string(kA) + ",2013,208\n";
  auto r = run("enterprise_years", gb);
  ASSERT_TRUE(r) << r.problem().detail;
  EXPECT_EQ(r->format, "csv (GB18030)");
  ASSERT_EQ(r->error_count, 0u) << r->errors[0].column << ": " << r->errors[0].reason;
  EXPECT_EQ(count("reg_enterprise_years"), 1);
  auto bad = run("enterprise_years", std::string("enterprise_id,year\n") + kB + ",2013\n");
  EXPECT_EQ(bad->errors.at(0).column, "enterprise_id");
  // Credit codes may consist of digits only; they are still keys, not record ids.
  constexpr const char* kDigits = "913301067517230585";
  ASSERT_TRUE(run("enterprises", std::string("credit_code,name\n") + kDigits + ",丙\n"));
  auto digits = run("enterprise_years", std::string("enterprise_id,year\n") + kDigits + ",2013\n");
  ASSERT_TRUE(digits);
  EXPECT_EQ(digits->error_count, 0u) << digits->errors.at(0).reason;
}

TEST_F(RegistryImport, ExportImportRoundTripInCsvAndXlsx) {
  ASSERT_TRUE(run("enterprises", std::string("credit_code,name,registered_capital,above_size,tech_field,registered_on\n") +
                                     kA + ",\"甲, \"\"科技\"\"\",1500.5,true,4,2010-03-01\n" + kB + ",乙,,,,\n"));
  ASSERT_TRUE(run("enterprise_years", std::string("enterprise_id,year,sales_revenue\n") + kA + ",2013,4000.1234\n"));
  const auto& years = *domain::find_kind("enterprise_years");
  const auto& enterprises = *domain::find_kind("enterprises");
  std::ostringstream csv;
  ASSERT_TRUE(export_records_csv(*db, admin, enterprises, {}, csv));
  EXPECT_EQ(run("enterprises", csv.str())->unchanged, 2u);
  const auto path = std::filesystem::temp_directory_path() / ("kc-export-" + std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(export_records_xlsx(*db, admin, years, {}, path));
  auto bytes = io::read_file(path.string());
  std::filesystem::remove(path);
  auto back = run("enterprise_years", bytes.value());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->unchanged, 1u) << (back->errors.empty() ? "" : back->errors[0].reason);
}

// A file exported with the labels of either language (units in the header) imports unchanged,
// and so does a header a clerk typed with the unit in brackets.
TEST_F(RegistryImport, LabelledHeadersInEitherLanguageImportBack) {
  ASSERT_TRUE(run("enterprises", std::string("credit_code,name,registered_capital\n") + kA + ",甲,1500.5\n"));
  const auto& enterprises = *domain::find_kind("enterprises");
  for (auto language : {domain::HeaderLanguage::zh, domain::HeaderLanguage::en}) {
    std::ostringstream csv;
    ASSERT_TRUE(export_records_csv(*db, admin, enterprises, {}, csv, language));
    EXPECT_NE(csv.str().find(language == domain::HeaderLanguage::zh ? "注册资本（万元）" : "Registered capital (10k yuan)"),
              std::string::npos)
        << csv.str().substr(0, 300);
    auto back = run("enterprises", csv.str());
    ASSERT_TRUE(back) << back.problem().detail;
    EXPECT_EQ(back->unchanged, 1u) << (back->errors.empty() ? "" : back->errors[0].reason);
  }
  EXPECT_EQ(field_for_header(enterprises, "注册资本 (万元)")->name, "registered_capital");
  EXPECT_EQ(field_for_header(enterprises, "registered capital(10k yuan)")->name, "registered_capital");
  EXPECT_EQ(field_for_header(enterprises, "（万元）"), nullptr);
  // Another unit would be read as 万元: the column is refused, naming the unit.
  EXPECT_EQ(field_for_header(enterprises, "注册资本（亿元）"), nullptr);
  EXPECT_EQ(field_in_another_unit(enterprises, "注册资本（亿元）")->name, "registered_capital");
  auto other = run("enterprises", std::string("credit_code,name,注册资本（亿元）\n") + kB + ",乙,1\n");
  ASSERT_TRUE(other);
  ASSERT_FALSE(other->errors.empty());
  EXPECT_EQ(other->errors[0].row, 1);
  EXPECT_EQ(other->errors[0].code, "column.unit");
  EXPECT_EQ(other->errors[0].reason, "the unit must be 10k yuan");
  const auto unit_zh = std::find_if(other->errors[0].params.begin(), other->errors[0].params.end(),
                                    [](const auto& p) { return p.first == "unit_zh"; });
  ASSERT_NE(unit_zh, other->errors[0].params.end());
  EXPECT_EQ(std::get<std::string>(unit_zh->second), "万元");
  EXPECT_EQ(count("reg_enterprises"), 1) << "nothing written";
}

TEST_F(RegistryImport, MalformedFilesAreRefusedWhole) {
  auto zip = run("enterprises", std::string("PK\x03\x04", 4) + "definitely not a zip");
  ASSERT_FALSE(zip);
  EXPECT_EQ(zip.problem().status, 422);
  auto empty = run("enterprises", "");
  ASSERT_FALSE(empty);
  auto unterminated = run("enterprises", "credit_code,name\n\"abc,def\n");
  ASSERT_FALSE(unterminated);
  EXPECT_EQ(count("reg_enterprises"), 0);
}

TEST_F(RegistryImport, OnlyWritersMayImport) {
  Actor viewer;
  viewer.role = Role::viewer;
  auto r = import_records(*db, viewer, *domain::find_kind("enterprises"), "credit_code,name\n", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problem().status, 403);
}

// A valid credit code for serial `n` (GB 32100 and GB 11714 check characters computed).
std::string credit_code(int n) {
  std::string body = std::to_string(10'000'000 + n);
  std::string first17 = "91330106" + body + domain::CreditCode::compute_org_check_char(body);
  return first17 + domain::CreditCode::compute_check_char(first17);
}

// Enough rows to go past the importer's thresholds: batches of inserts with a partial last batch,
// references resolved from a loaded table, stored keys loaded as hashes.
class LargeImport : public RegistryImport {
 protected:
  static constexpr int kEnterprises = 1500;
  void SetUp() override {
    RegistryImport::SetUp();
    std::string csv = "credit_code,name\n";
    for (int i = 0; i < kEnterprises; ++i) csv += credit_code(i) + ",企业" + std::to_string(i) + "\n";
    auto r = run("enterprises", csv);
    ASSERT_TRUE(r && r->committed) << (r ? r->errors.at(0).reason : r.problem().detail);
    ASSERT_EQ(count("reg_enterprises"), kEnterprises);
  }
  // Two years per enterprise; `revenue(i, year)` gives the sales_revenue cell.
  static std::string years_csv(int first_year, const std::function<std::string(int, int)>& revenue) {
    std::string csv = "enterprise_id,year,sales_revenue\n";
    for (int year = first_year; year < first_year + 2; ++year) {
      for (int i = 0; i < kEnterprises; ++i) csv += credit_code(i) + "," + std::to_string(year) + "," + revenue(i, year) + "\n";
    }
    return csv;
  }
  std::int64_t audits(const char* action) {
    AuditFilter f;
    f.action = action;
    return count_audit(*db->acquire(), f);
  }
};

TEST_F(LargeImport, WritesEveryRowOnceAndIsIdempotent) {
  const auto csv = years_csv(2013, [](int i, int year) { return std::to_string(i) + "." + std::to_string(year % 10); });
  auto first = run("enterprise_years", csv);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->error_count, 0u) << first->errors.at(0).reason;
  EXPECT_EQ(first->created, 2u * kEnterprises);
  EXPECT_EQ(count("reg_enterprise_years"), 2 * kEnterprises);
  auto conn = db->acquire();
  auto row = conn->query_one(
      "SELECT y.sales_revenue FROM reg_enterprise_years y JOIN reg_enterprises e ON e.id = y.enterprise_id "
      "WHERE e.credit_code = $1 AND y.year = 2014",
      {credit_code(1234)});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->integer(0), 12344000) << "1234.4 万元 in units of 10^-4";
  auto again = run("enterprise_years", csv);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 2u * kEnterprises);
  EXPECT_EQ(again->created, 0u);
  EXPECT_EQ(count("reg_enterprise_years"), 2 * kEnterprises);
  EXPECT_EQ(audits("enterprise_years.import"), 2) << "one summary record per import, not one per row";
  EXPECT_TRUE(verify_audit(*conn).ok);
}

TEST_F(LargeImport, AnErrorInTheLastRowLeavesNothingWritten) {
  std::string csv = years_csv(2015, [](int i, int) { return std::to_string(i); });
  csv += credit_code(7) + ",2015,1\n";  // repeats the 8th row, after 3,000 rows were written
  auto r = run("enterprise_years", csv);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->committed);
  ASSERT_EQ(r->error_count, 1u);
  EXPECT_EQ(r->errors[0].row, 2u * kEnterprises + 2);
  EXPECT_NE(r->errors[0].reason.find("duplicates row 9"), std::string::npos) << r->errors[0].reason;
  EXPECT_EQ(r->created, 0u);
  EXPECT_EQ(count("reg_enterprise_years"), 0);
  EXPECT_EQ(audits("enterprise_years.import"), 0);
}

TEST_F(LargeImport, UpdateModeChangesOnlyTheRowsThatDifferAndAuditsEach) {
  ASSERT_TRUE(run("enterprise_years", years_csv(2013, [](int i, int) { return std::to_string(i); })));
  const auto changed = years_csv(2013, [](int i, int year) { return i % 500 == 0 && year == 2014 ? "0.5" : std::to_string(i); });
  auto refused = run("enterprise_years", changed);
  ASSERT_EQ(refused->error_count, 3u) << "rows of enterprises 0, 500 and 1000 in 2014";
  auto updated = run("enterprise_years", changed, false, true);
  ASSERT_TRUE(updated);
  EXPECT_TRUE(updated->committed);
  EXPECT_EQ(updated->updated, 3u);
  EXPECT_EQ(updated->unchanged, 2u * kEnterprises - 3);
  EXPECT_EQ(audits("enterprise_years.update"), 3);
  EXPECT_EQ(db->acquire()->query_one("SELECT COUNT(*) FROM reg_enterprise_years WHERE sales_revenue = 5000")->integer(0), 3);
}

TEST_F(LargeImport, ADryRunChecksEverythingAndWritesNothing) {
  auto dry = run("enterprise_years", years_csv(2013, [](int i, int) { return std::to_string(i); }), true);
  ASSERT_TRUE(dry);
  EXPECT_EQ(dry->created, 2u * kEnterprises);
  EXPECT_EQ(dry->rows, 2u * kEnterprises);
  EXPECT_FALSE(dry->committed);
  EXPECT_EQ(count("reg_enterprise_years"), 0);
}

TEST_F(RegistryImport, TooManyRowsIsRefusedWholeThoughEarlierRowsWereValid) {
  ImportOptions o;
  o.max_rows = 2;
  const std::string csv = std::string("credit_code,name\n") + kA + ",甲\n" + kB + ",乙\n91440300708461136T,丙\n";
  auto r = import_records(*db, admin, *domain::find_kind("enterprises"), csv, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problem().status, 422);
  EXPECT_NE(r.problem().detail.find("more than 2 rows"), std::string::npos);
  EXPECT_EQ(count("reg_enterprises"), 0);
}

TEST_F(RegistryImport, FilesOnDiskAreStreamedAndOverLimitFilesChangeNothing) {
  const auto path = std::filesystem::temp_directory_path() / ("kc-import-" + std::to_string(::getpid()) + ".csv");
  const std::string csv = std::string("credit_code,name\n") + kA + ",甲\n" + kB + ",乙\n";
  ASSERT_TRUE(io::write_file(path.string(), csv));
  const auto& kind = *domain::find_kind("enterprises");
  ImportOptions small;
  small.max_bytes = csv.size() - 1;
  auto refused = import_records_file(*db, admin, kind, path.string(), small);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.problem().status, 422);
  EXPECT_NE(refused.problem().detail.find("more than the limit of " + std::to_string(csv.size() - 1) + " bytes"),
            std::string::npos)
      << refused.problem().detail;
  EXPECT_EQ(count("reg_enterprises"), 0);
  AuditFilter imports;
  imports.action = "enterprises.import";
  EXPECT_EQ(count_audit(*db->acquire(), imports), 0);

  auto done = import_records_file(*db, admin, kind, path.string(), {});
  std::filesystem::remove(path);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->format, "csv (UTF-8)");
  EXPECT_EQ(done->created, 2u);
  auto entries = search_audit(*db->acquire(), imports, {1, 10});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_NE(entries[0].after_json->find(crypto::sha256_hex(csv)), std::string::npos) << "the audit names the file's hash";

  // XLSX files on disk are read whole, then imported the same way.
  const auto xlsx = std::filesystem::temp_directory_path() / ("kc-import-" + std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(export_records_xlsx(*db, admin, kind, {}, xlsx));
  auto back = import_records_file(*db, admin, kind, xlsx.string(), {});
  std::filesystem::remove(xlsx);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->format, "xlsx");
  EXPECT_EQ(back->unchanged, 2u);
}

TEST(RegistryTemplate, HasTheHeaderAndNotes) {
  const auto path = std::filesystem::temp_directory_path() / ("kc-template-" + std::to_string(::getpid()) + ".xlsx");
  const auto& kind = *domain::find_kind("enterprises");
  ASSERT_TRUE(io::write_registry_template(kind, path));
  auto bytes = io::read_file(path.string());
  auto sheet = io::read_xlsx(bytes.value());
  ASSERT_TRUE(sheet);
  ASSERT_FALSE(sheet->rows.empty());
  EXPECT_EQ(sheet->rows[0].size(), kind.fields.size());
  EXPECT_EQ(sheet->rows[0][0], "credit_code");
  io::XlsxReadOptions notes_sheet;
  notes_sheet.sheet_name = "说明 Notes";
  auto notes = io::read_xlsx(bytes.value(), notes_sheet);
  ASSERT_TRUE(notes);
  EXPECT_EQ(notes->rows.size(), kind.fields.size() + 1);
  EXPECT_EQ(notes->rows[1][1], "统一社会信用代码");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kc::app
