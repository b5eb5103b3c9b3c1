#include "app/demo/demo_district.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "../store/temp_database.hpp"
#include "domain/patent_number.hpp"
#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"

// Every figure of the seed report is checked by aggregating the generated tables with SQL, never
// by reading the generator's targets: the literals below are the report's own numbers.
namespace kc::app {
namespace {

constexpr std::int64_t kWan = 10'000;  // yuan per 万元: amounts are stored in yuan
constexpr std::int64_t kYi = 10'000 * kWan;

std::int64_t scalar(store::Database& db, const std::string& sql, const store::Params& params = {}) {
  auto conn = db.acquire();
  auto row = conn->query_one(sql, params);
  return !row || row->is_null(0) ? 0 : row->integer(0);
}

// FNV-1a over every registry row's id and fields (not its timestamps), table by table; with
// `upto`, only the rows of each table up to the highest id the other database has.
std::uint64_t registry_hash(store::Database& db, store::Database* upto = nullptr) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
  };
  auto conn = db.acquire();
  for (const auto& kind : domain::registry_kinds()) {
    std::string cols = "id";
    for (const auto& f : kind.fields) cols += ", " + f.name;
    mix(kind.table);
    std::string where;
    if (upto) where = " WHERE id <= " + std::to_string(scalar(*upto, "SELECT COALESCE(MAX(id), 0) FROM " + kind.table));
    for (const auto& row : conn->query("SELECT " + cols + " FROM " + kind.table + where + " ORDER BY id")) {
      for (std::size_t i = 0; i < row.size(); ++i)
        mix(row.is_null(i) ? std::string_view("\x01NULL") : row.text(i));
    }
  }
  return h;
}

// The seed district alone: the report's figures below are checked over whole tables.
DemoOptions seed_only() {
  DemoOptions o;
  o.districts = 0;
  return o;
}

class DemoDistrict : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TempDatabase;
    auto result = generate_demo_district(**db_, seed_only());
    ASSERT_TRUE(result) << result.problem().detail;
    summary_ = new DemoSummary(result.value());
    district_ =
        new std::string(value_text("SELECT region_code FROM reg_enterprises GROUP BY region_code "
                                   "ORDER BY COUNT(*) DESC LIMIT 1"));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete summary_;
    delete district_;
  }
  static std::string value_text(const std::string& sql) {
    auto conn = (*db_)->acquire();
    return conn->query_one(sql)->text(0);
  }
  static std::int64_t sql(const std::string& text, const store::Params& params = {}) {
    return scalar(**db_, text, params);
  }
  static std::int64_t rd_total(int year) {
    return sql(
        "SELECT SUM(y.rd_total) FROM reg_enterprise_years y JOIN reg_enterprises e ON e.id = "
        "y.enterprise_id "
        "WHERE y.year = $1 AND e.region_code = $2",
        {std::int64_t{year}, *district_});
  }
  static std::int64_t gdp(int year) {
    return sql("SELECT gdp FROM reg_region_statistics WHERE region_code = $1 AND year = $2",
               {*district_, std::int64_t{year}});
  }
  static std::string y2013(const std::string& column) {
    return column + " >= '2013-01-01' AND " + column + " <= '2013-12-31'";
  }

  static testing::TempDatabase* db_;
  static DemoSummary* summary_;
  static std::string* district_;
};

testing::TempDatabase* DemoDistrict::db_ = nullptr;
DemoSummary* DemoDistrict::summary_ = nullptr;
std::string* DemoDistrict::district_ = nullptr;

TEST_F(DemoDistrict, HasTheSizeAndSpanOfADistrictAndItsPeers) {
  EXPECT_EQ(*district_, summary_->district_code);
  EXPECT_EQ(district_->substr(0, 2), "33") << "a Zhejiang district";
  EXPECT_GE(sql("SELECT COUNT(*) FROM reg_enterprises"), 2'000);
  EXPECT_EQ(sql("SELECT MIN(year) FROM reg_enterprise_years"), 2009);
  EXPECT_EQ(sql("SELECT MAX(year) FROM reg_enterprise_years"), 2014);
  EXPECT_GE(sql("SELECT COUNT(*) FROM reg_enterprise_years"), 2'000 * 4);
  EXPECT_GE(sql("SELECT COUNT(DISTINCT region_code) FROM reg_region_statistics WHERE year = 2013 "
                "AND region_code <> $1",
                {*district_}),
            12);
  for (const auto& kind : domain::registry_kinds()) {
    EXPECT_GT(sql("SELECT COUNT(*) FROM " + kind.table), 0) << kind.name << " is generated";
    EXPECT_EQ(summary_->records.at(kind.name), sql("SELECT COUNT(*) FROM " + kind.table))
        << kind.name;
  }
  // Every certificate has the panel's review before it, and every such review passed E7 (> 70).
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_hte_expert_reviews"), sql("SELECT COUNT(*) FROM reg_hte_certificates"));
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_hte_expert_reviews WHERE ip_advancement + ip_core_support + ip_quantity + "
                "ip_acquisition + transfer + rd_management + growth_net_assets + growth_sales <= 700000"),
            0);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_hte_expert_reviews r WHERE NOT EXISTS (SELECT 1 FROM "
                "reg_hte_certificates c WHERE c.enterprise_id = r.enterprise_id AND c.issued_on > r.reviewed_on)"),
            0);
  // Every enterprise year is of an enterprise already registered in that year.
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_enterprise_years y JOIN reg_enterprises e ON e.id = "
                "y.enterprise_id "
                "WHERE CAST(substr(e.registered_on, 1, 4) AS INTEGER) > y.year"),
            0);
}

TEST_F(DemoDistrict, RdInvestmentIsOverNineYiAndTwoPointSevenPercentOfGdp) {
  const std::int64_t rd2013 = rd_total(2013), rd2011 = rd_total(2011);
  EXPECT_GT(rd2013, 9 * kYi) << "超9亿元";
  EXPECT_LT(rd2013, 10 * kYi) << "about 9 亿元";
  ASSERT_GT(gdp(2013), 0);
  ASSERT_GT(gdp(2011), 0);
  const double share2013 = 100.0 * static_cast<double>(rd2013) / static_cast<double>(gdp(2013));
  const double share2011 = 100.0 * static_cast<double>(rd2011) / static_cast<double>(gdp(2011));
  EXPECT_GE(share2013, 2.7) << "占GDP比重2.7%以上";
  EXPECT_LT(share2013, 2.75);
  EXPECT_NEAR(share2011, 2.4, 0.05);
  EXPECT_GE(share2013 - share2011 + 1e-9, 0.3) << "比2011年提高0.3个百分点";
  // R&D is the sum of its categories in every enterprise year.
  EXPECT_EQ(
      sql("SELECT COUNT(*) FROM reg_enterprise_years WHERE rd_total IS NOT NULL AND rd_total <> "
          "COALESCE(rd_personnel, 0) + COALESCE(rd_direct_inputs, 0) + COALESCE(rd_depreciation, "
          "0) + "
          "COALESCE(rd_amortisation, 0) + COALESCE(rd_design, 0) + COALESCE(rd_trials, 0) + "
          "COALESCE(rd_commissioned_domestic, 0) + COALESCE(rd_commissioned_foreign, 0) + "
          "COALESCE(rd_other, 0)"),
      0);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_enterprise_years WHERE rd_total > total_cost_expense"),
            0);
  // It grows every year.
  for (int y = 2010; y <= 2014; ++y) EXPECT_GT(rd_total(y), rd_total(y - 1)) << y;
}

TEST_F(DemoDistrict, EngineeringCentresByLevel) {
  const std::string centres =
      "SELECT COUNT(*) FROM reg_rd_institutions WHERE kind IN ('engineering_centre', "
      "'technology_centre') AND recognised_year <= 2013";
  EXPECT_EQ(sql(centres + " AND level IN ('national', 'provincial', 'municipal')"), 72)
      << "市级以上72家";
  EXPECT_EQ(sql(centres + " AND level = 'municipal' AND recognised_year = 2013"), 15)
      << "新增市级15家";
  EXPECT_EQ(sql(centres), 115) << "区级以上115家";
}

TEST_F(DemoDistrict, TwentyOnePercentOfAboveSizeIndustrialEnterprisesHaveAnRdInstitution) {
  const std::string above =
      "FROM reg_enterprises e WHERE e.above_size = 1 AND e.industry_code LIKE 'C%' "
      "AND e.registered_on <= '2013-12-31'";
  const std::int64_t all = sql("SELECT COUNT(*) " + above);
  const std::int64_t with =
      sql("SELECT COUNT(*) " + above +
          " AND EXISTS (SELECT 1 FROM reg_rd_institutions r WHERE r.enterprise_id = e.id "
          "AND r.recognised_year <= 2013)");
  ASSERT_GT(all, 0);
  EXPECT_EQ(std::lround(100.0 * static_cast<double>(with) / static_cast<double>(all)), 21);
}

TEST_F(DemoDistrict, PatentApplicationsAndGrantsDoubledSince2011) {
  auto filed = [&](int y) {
    return sql("SELECT COUNT(*) FROM reg_patents WHERE substr(filed_on, 1, 4) = $1",
               {std::to_string(y)});
  };
  auto granted = [&](int y) {
    return sql("SELECT COUNT(*) FROM reg_patents WHERE substr(granted_on, 1, 4) = $1",
               {std::to_string(y)});
  };
  ASSERT_GT(filed(2011), 0);
  ASSERT_GT(granted(2011), 0);
  EXPECT_GE(filed(2013), 2 * filed(2011));
  EXPECT_GE(granted(2013), 2 * granted(2011));
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_patents WHERE granted_on IS NOT NULL AND granted_on < "
                "filed_on"),
            0);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_patents WHERE (granted_on IS NULL) <> (status IN "
                "('pending', 'rejected'))"),
            0);
  // Application numbers carry a valid check digit and the filing year.
  auto conn = (*db_)->acquire();
  for (const auto& row : conn->query("SELECT application_no, filed_on FROM reg_patents")) {
    auto number = domain::PatentNumber::parse(row.text(0));
    ASSERT_TRUE(number) << row.text(0);
    EXPECT_EQ(std::to_string(number->year()), row.text(1).substr(0, 4));
  }
}

TEST_F(DemoDistrict, MaterialsInstituteStartUpPark) {
  const std::string park =
      "SELECT id FROM reg_platforms WHERE kind = 'industrial_park' AND name LIKE '%材料%'";
  const std::string residents =
      " FROM reg_platform_residents r JOIN reg_enterprises e ON e.id = r.enterprise_id "
      "WHERE r.platform_id = (" +
      park +
      ") AND r.entered_on <= '2013-12-31' "
      "AND (r.left_on IS NULL OR r.left_on > '2013-12-31')";
  EXPECT_EQ(sql("SELECT COUNT(*)" + residents), 16) << "入驻企业16家";
  EXPECT_EQ(sql("SELECT SUM(e.registered_capital)" + residents), 15 * kYi / 10)
      << "注册资本1.5亿元";
  // The platform's yearly report agrees with the records.
  EXPECT_EQ(sql("SELECT resident_enterprises FROM reg_platform_years WHERE year = 2013 AND "
                "platform_id = (" +
                park + ")"),
            16);
}

TEST_F(DemoDistrict, UniversityInstituteSeedFundAndTransferCentre) {
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_cooperation_agreements a JOIN reg_platforms p ON p.id = "
                "a.platform_id "
                "WHERE a.kind = 'seed_fund' AND p.kind = 'research_institute' AND " +
                y2013("a.signed_on")),
            20)
      << "首批种子基金项目20个";
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_cooperation_agreements WHERE kind = 'seed_fund' AND "
                "signed_on < '2013-01-01'"),
            0)
      << "the first ones";
  const std::string via_centre =
      " FROM reg_tech_contracts c JOIN reg_platforms p ON p.id = c.platform_id "
      "WHERE p.kind = 'tech_transfer_centre' AND " +
      y2013("c.signed_on");
  EXPECT_EQ(sql("SELECT COUNT(*)" + via_centre), 4) << "项目4个";
  EXPECT_EQ(sql("SELECT SUM(c.value)" + via_centre), 107 * kYi / 100) << "交易额1.07亿元";
  EXPECT_GE(sql("SELECT COUNT(*) FROM reg_cooperation_agreements a JOIN reg_platforms p ON p.id = "
                "a.platform_id "
                "WHERE a.kind = 'cooperation' AND p.kind = 'research_institute' AND " +
                y2013("a.signed_on")),
            10)
      << "与企业合作项目10余项";
}

TEST_F(DemoDistrict, Talents2013) {
  auto count = [&](const char* level, const char* form) {
    return sql("SELECT COUNT(*) FROM reg_talents WHERE year = 2013 AND level = $1 AND form = $2",
               {std::string(level), std::string(form)});
  };
  EXPECT_EQ(count("national", "individual"), 1);
  EXPECT_EQ(count("provincial", "individual"), 3);
  EXPECT_EQ(count("municipal", "individual"), 5);
  EXPECT_EQ(count("municipal", "team"), 2);
  EXPECT_EQ(count("national", "team") + count("provincial", "team"), 0);
}

TEST_F(DemoDistrict, CooperationAndTechnologyMarket) {
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_cooperation_agreements WHERE kind = 'cooperation' AND " +
                y2013("signed_on")),
            35);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_cooperation_agreements WHERE kind = 'cooperation' AND "
                "international = 1 AND " +
                y2013("signed_on")),
            4);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_cooperation_agreements WHERE international = 1 AND "
                "partner_country = '中国'"),
            0);
  EXPECT_EQ(sql("SELECT SUM(value) FROM reg_tech_contracts WHERE buyer_region = $1 AND "
                "seller_region <> $1 AND " +
                    y2013("signed_on"),
                {*district_}),
            18 * kYi / 10)
      << "引进技术1.8亿元";
  EXPECT_EQ(sql("SELECT SUM(value) FROM reg_tech_contracts WHERE seller_region = $1 AND " +
                    y2013("signed_on"),
                {*district_}),
            13'177'000)
      << "技术市场交易额1317.7万元";
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_tech_contracts WHERE technical_income > value"), 0);
}

TEST_F(DemoDistrict, First236BatchAndPolicies) {
  EXPECT_EQ(
      sql("SELECT COUNT(DISTINCT enterprise_id) FROM reg_programme_tiers WHERE programme = 'p236' "
          "AND tier = 'tier1' AND " +
          y2013("entered_on")),
      2);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_programme_tiers WHERE programme = 'p236' AND entered_on "
                "< '2013-01-01'"),
            0)
      << "the first batch";
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_policies WHERE " + y2013("issued_on")), 8);
}

// Every stored value reads back through its field's validation unchanged, and required fields
// are filled.
TEST_F(DemoDistrict, EveryRecordPassesItsKindsValidation) {
  auto conn = (*db_)->acquire();
  std::int64_t checked = 0;
  for (const auto& kind : domain::registry_kinds()) {
    store::RecordStore records(*conn, kind);
    store::RecordQuery query;
    query.page.page_size = 5'000;
    for (query.page.page = 1;; ++query.page.page) {
      const auto page = records.list(query);
      for (const auto& r : page) {
        for (std::size_t i = 0; i < kind.fields.size(); ++i) {
          const auto& f = kind.fields[i];
          const auto& cell = r.cells[i];
          if (std::holds_alternative<std::monostate>(cell)) {
            EXPECT_FALSE(f.required) << kind.name << " #" << r.id << " lacks " << f.name;
            continue;
          }
          const std::string text = domain::format_cell(f, cell);
          auto parsed = domain::parse_cell(f, text);
          ASSERT_TRUE(parsed) << kind.name << " #" << r.id << " " << f.name << " = \"" << text
                              << "\": " << parsed.error().message;
          EXPECT_EQ(parsed.value(), cell) << kind.name << " #" << r.id << " " << f.name;
          ++checked;
        }
      }
      if (page.size() < static_cast<std::size_t>(query.page.page_size)) break;
    }
  }
  EXPECT_GT(checked, 100'000);
}

TEST_F(DemoDistrict, SameSeedSameDistrictOtherSeedAnother) {
  const std::uint64_t first = registry_hash(**db_);
  {
    testing::TempDatabase again;
    ASSERT_TRUE(generate_demo_district(*again, seed_only()));
    EXPECT_EQ(registry_hash(*again), first);
  }
  testing::TempDatabase other;
  DemoOptions options = seed_only();
  options.seed = 7;
  ASSERT_TRUE(generate_demo_district(*other, options));
  EXPECT_NE(registry_hash(*other), first);
  // The report's figures do not depend on the seed.
  EXPECT_EQ(scalar(*other,
                   "SELECT SUM(value) FROM reg_tech_contracts WHERE seller_region = '330205' AND "
                   "signed_on >= '2013-01-01' AND signed_on <= '2013-12-31'"),
            13'177'000);
  EXPECT_NE(scalar(*other, "SELECT SUM(sales_revenue) FROM reg_enterprise_years WHERE year = 2013"),
            sql("SELECT SUM(sales_revenue) FROM reg_enterprise_years WHERE year = 2013"));
}

TEST_F(DemoDistrict, RefusesAFilledRegistryAndScalesOutOfRange) {
  auto again = generate_demo_district(**db_, seed_only());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.problem().status, 409);
  testing::TempDatabase empty;
  DemoOptions tiny;
  tiny.enterprises = 10;
  auto refused = generate_demo_district(*empty, tiny);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.problem().status, 422);
  EXPECT_EQ(scalar(*empty, "SELECT COUNT(*) FROM reg_enterprises"), 0);
  for (int districts : {-1, demo_max_peer_districts() + 1}) {
    DemoOptions too_many;
    too_many.districts = districts;
    auto refused_districts = generate_demo_district(*empty, too_many);
    ASSERT_FALSE(refused_districts);
    EXPECT_EQ(refused_districts.problem().status, 422);
    EXPECT_EQ(refused_districts.problem().errors.at(0).field, "districts");
  }
  EXPECT_EQ(scalar(*empty, "SELECT COUNT(*) FROM reg_enterprises"), 0);
}

TEST(DemoScale, MoreEnterprisesKeepTheFigures) {
  testing::TempDatabase db;
  DemoOptions options = seed_only();
  options.enterprises = 6'000;
  options.batch = 700;
  auto result = generate_demo_district(*db, options);
  ASSERT_TRUE(result) << result.problem().detail;
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM reg_enterprises"), 6'000);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM reg_rd_institutions WHERE kind IN ('engineering_centre', "
                   "'technology_centre') AND recognised_year <= 2013"),
            115);
  const std::int64_t rd =
      scalar(*db, "SELECT SUM(rd_total) FROM reg_enterprise_years WHERE year = 2013");
  const std::int64_t gdp = scalar(
      *db, "SELECT gdp FROM reg_region_statistics WHERE region_code = '330205' AND year = 2013");
  EXPECT_GT(rd, 9 * kYi);
  EXPECT_GE(1000 * rd, 27 * gdp);
}

// The demo city: the seed district and its first five peers, each with records of its own.
class DemoCity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    seed_ = new testing::TempDatabase;
    ASSERT_TRUE(generate_demo_district(**seed_, seed_only()));
    city_ = new testing::TempDatabase;
    auto result = generate_demo_district(**city_, DemoOptions{});
    ASSERT_TRUE(result) << result.problem().detail;
    summary_ = new DemoSummary(result.value());
  }
  static void TearDownTestSuite() {
    delete seed_;
    delete city_;
    delete summary_;
  }
  static std::int64_t sql(const std::string& text, const store::Params& params = {}) {
    return scalar(**city_, text, params);
  }
  static testing::TempDatabase* seed_;
  static testing::TempDatabase* city_;
  static DemoSummary* summary_;
};

testing::TempDatabase* DemoCity::seed_ = nullptr;
testing::TempDatabase* DemoCity::city_ = nullptr;
DemoSummary* DemoCity::summary_ = nullptr;

TEST_F(DemoCity, TheSeedDistrictIsRecordForRecordTheSameWithPeers) {
  EXPECT_EQ(registry_hash(**city_, &**seed_), registry_hash(**seed_));
  // What the peers add is outside the seed district, through every kind's own scope.
  auto conn = (*city_)->acquire();
  auto seed_conn = (*seed_)->acquire();
  for (const auto& kind : domain::registry_kinds()) {
    if (kind.region_scope.empty()) continue;
    store::RecordQuery query;
    query.district_prefix = kDemoDistrictCode;
    EXPECT_EQ(store::RecordStore(*conn, kind).count(query), store::RecordStore(*seed_conn, kind).count(query))
        << kind.name;
    EXPECT_GT(store::RecordStore(*conn, kind).count(query), 0) << kind.name << " lies in the seed district";
  }
  // No peer contract names the seed district as a party, so its market figures stay.
  EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_tech_contracts WHERE region_code <> '330205' AND "
                "(seller_region = '330205' OR buyer_region = '330205')"),
            0);
}

TEST_F(DemoCity, FivePeerDistrictsOfTheSameCityWithTheirOwnRecords) {
  ASSERT_EQ(summary_->peer_districts.size(), 5U);
  for (const auto& code : summary_->peer_districts) {
    EXPECT_EQ(code.substr(0, 4), "3302") << "a district of the seed's city";
    const store::Params p{code};
    const std::int64_t firms = sql("SELECT COUNT(*) FROM reg_enterprises WHERE region_code = $1", p);
    EXPECT_GE(firms, 200) << code;
    EXPECT_LE(firms, 1'500) << code;
    for (const char* table : {"reg_patents", "reg_talents", "reg_tech_contracts", "reg_cooperation_agreements",
                              "reg_incubators"}) {
      EXPECT_GT(sql(std::string("SELECT COUNT(*) FROM ") + table + " WHERE region_code = $1", p), 0) << code << table;
    }
    for (const char* table : {"reg_rd_institutions", "reg_hte_certificates", "reg_sme_registrations", "reg_loans"}) {
      EXPECT_GT(sql(std::string("SELECT COUNT(*) FROM ") + table +
                        " t JOIN reg_enterprises e ON e.id = t.enterprise_id WHERE e.region_code = $1",
                    p),
                0)
          << code << table;
    }
    // Every peer certificate has the panel's review before it (E7 for the rules engine).
    EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_hte_certificates c JOIN reg_enterprises e ON e.id = c.enterprise_id "
                  "WHERE e.region_code = $1 AND NOT EXISTS (SELECT 1 FROM reg_hte_expert_reviews r WHERE "
                  "r.enterprise_id = c.enterprise_id AND r.reviewed_on < c.issued_on)",
                  p),
              0)
        << code;
    // Records hanging off an enterprise of a peer carry the peer's district too.
    EXPECT_EQ(sql("SELECT COUNT(*) FROM reg_patents t JOIN reg_enterprises e ON e.id = t.enterprise_id "
                  "WHERE e.region_code = $1 AND t.region_code <> $1",
                  p),
              0)
        << code;
    // Its enterprises' R&D is its statistics' R&D expenditure, every year.
    for (int y = 2009; y <= 2014; ++y) {
      const store::Params py{code, std::int64_t{y}};
      const std::int64_t stated =
          sql("SELECT rd_expenditure FROM reg_region_statistics WHERE region_code = $1 AND year = $2", py);
      EXPECT_GT(stated, 0) << code << " " << y;
      EXPECT_EQ(sql("SELECT SUM(y.rd_total) FROM reg_enterprise_years y JOIN reg_enterprises e ON "
                    "e.id = y.enterprise_id WHERE e.region_code = $1 AND y.year = $2",
                    py),
                stated)
          << code << " " << y;
    }
  }
}

TEST_F(DemoCity, PeersDifferInIndustryAndStrength) {
  auto manufacturing_share = [&](const char* code) {
    return 1.0 * sql("SELECT COUNT(*) FROM reg_enterprises WHERE region_code = $1 AND industry_code LIKE 'C%'",
                     {std::string(code)}) /
           sql("SELECT COUNT(*) FROM reg_enterprises WHERE region_code = $1", {std::string(code)});
  };
  EXPECT_GT(manufacturing_share("330206"), manufacturing_share("330203") + 0.3) << "北仑 port industry, 海曙 services";
  auto patents_per_firm = [&](const char* code) {
    return 1.0 * sql("SELECT COUNT(*) FROM reg_patents WHERE region_code = $1", {std::string(code)}) /
           sql("SELECT COUNT(*) FROM reg_enterprises WHERE region_code = $1", {std::string(code)});
  };
  EXPECT_GT(patents_per_firm("330212"), 1.5 * patents_per_firm("330204"));
}

TEST_F(DemoCity, EveryPeerRecordPassesItsKindsValidation) {
  auto conn = (*city_)->acquire();
  for (const auto& kind : domain::registry_kinds()) {
    store::RecordStore records(*conn, kind);
    store::RecordQuery query;
    query.page.page_size = 5'000;
    const std::int64_t seed_max = scalar(**seed_, "SELECT COALESCE(MAX(id), 0) FROM " + kind.table);
    for (query.page.page = 1;; ++query.page.page) {
      const auto page = records.list(query);
      for (const auto& r : page) {
        if (r.id <= seed_max) continue;
        for (std::size_t i = 0; i < kind.fields.size(); ++i) {
          const auto& f = kind.fields[i];
          if (std::holds_alternative<std::monostate>(r.cells[i])) {
            EXPECT_FALSE(f.required) << kind.name << " #" << r.id << " lacks " << f.name;
            continue;
          }
          auto parsed = domain::parse_cell(f, domain::format_cell(f, r.cells[i]));
          ASSERT_TRUE(parsed) << kind.name << " #" << r.id << " " << f.name << ": " << parsed.error().message;
          EXPECT_EQ(parsed.value(), r.cells[i]) << kind.name << " #" << r.id << " " << f.name;
        }
      }
      if (page.size() < static_cast<std::size_t>(query.page.page_size)) break;
    }
  }
}

TEST(DemoCityScale, MoreDistrictsReachTheProvince) {
  testing::TempDatabase db;
  DemoOptions options;
  options.districts = 12;
  auto result = generate_demo_district(*db, options);
  ASSERT_TRUE(result) << result.problem().detail;
  ASSERT_EQ(result->peer_districts.size(), 12U);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(DISTINCT region_code) FROM reg_enterprises WHERE region_code LIKE '3302%'"), 11)
      << "the seed and the city's ten other districts and counties";
  EXPECT_EQ(scalar(*db, "SELECT COUNT(DISTINCT region_code) FROM reg_enterprises WHERE region_code LIKE '3301%'"), 2);
  // Counties that had no statistics before get them, R&D included.
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM reg_region_statistics WHERE region_code = '330282'"), 6);
}

}  // namespace
}  // namespace kc::app
