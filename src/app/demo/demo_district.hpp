// The demo district: a deterministic, realistic registry for 2009–2014 (enterprises and their
// years, IP, centres, platforms, incubators, talents, agreements, contracts, loans, …) whose 2013
// aggregates reproduce the figures of the seed work report (/work/shared/seed). Used for demos,
// for tests that need a full registry, and (with many enterprises) for benchmarks.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

// The seed report's 2013 figures, as the generator's targets. Amounts are in yuan (the registry's
// amount unit: 万元 with 4 decimals); none of them is stored, each is reached by the records.
struct DemoTargets {
  static constexpr int kReportYear = 2013;
  static constexpr std::int64_t kWan = 10'000;  // yuan per 万元
  // District R&D investment (sum of enterprise R&D): over 9 亿元, 2.7% of GDP, 2.4% in 2011.
  static constexpr std::int64_t kRd2013 = 91'800 * kWan;
  static constexpr std::int64_t kGdp2013 = 3'400'000 * kWan;  // → 2.70%
  static constexpr std::int64_t kRd2011 = 72'000 * kWan;
  static constexpr std::int64_t kGdp2011 = 3'000'000 * kWan;  // → 2.40%
  // Enterprise engineering (technology) centres recognised by 2013.
  static constexpr int kCentresMunicipalPlus = 72;
  static constexpr int kCentresNewMunicipal2013 = 15;
  static constexpr int kCentresDistrictPlus = 115;
  // Above-size industrial enterprises and those with an internal R&D institution: 126 / 600 = 21%.
  static constexpr int kAboveSizeIndustrial = 600;
  static constexpr int kWithRdInstitution = 126;
  // Patent applications (by filing date) and grants (by grant date): doubled from 2011 to 2013.
  static constexpr int kApplications[6] = {380, 470, 610, 880, 1'260, 1'420};  // 2009–2014
  static constexpr int kGrants[6] = {210, 260, 350, 480, 720, 860};
  // The materials institute's start-up park.
  static constexpr int kParkEnterprises = 16;
  static constexpr std::int64_t kParkCapital = 15'000 * kWan;
  // The university research institute's first seed-fund projects.
  static constexpr int kSeedFundProjects = 20;
  // The technology-transfer centre branch.
  static constexpr int kTransferProjects = 4;
  static constexpr std::int64_t kTransferValue = 10'700 * kWan;
  // Talents: national 1, provincial 3, municipal "3315" 5 individuals and 2 teams.
  static constexpr int kTalentsNational = 1;
  static constexpr int kTalentsProvincial = 3;
  static constexpr int kTalentsMunicipal = 5;
  static constexpr int kTeamsMunicipal = 2;
  // Cooperation projects signed, technology introduced (bought into the district) and
  // technology-market turnover (sold by the district's sellers).
  static constexpr int kCooperation = 35;
  static constexpr int kCooperationInternational = 4;
  static constexpr std::int64_t kTechIntroduced = 18'000 * kWan;
  static constexpr std::int64_t kMarketTurnover = 13'177'000;  // 1,317.7 万元
  // The first "236" batch: navigator (first-tier) enterprises.
  static constexpr int kNavigators = 2;
  // Recognition and management measures issued.
  static constexpr int kPolicies = 8;
};

struct DemoOptions {
  std::uint64_t seed = 2013;
  std::int64_t enterprises = 2'400;  // --scale
  std::int64_t batch = 2'000;        // enterprises (with their years) per transaction
  int districts = 5;                 // --districts: peer districts with records of their own
};

struct DemoSummary {
  std::string district_code;
  std::vector<std::string> peer_districts;  // the peers written with records, in order
  std::map<std::string, std::int64_t> records;  // kind → records written
  double seconds = 0;
};

inline constexpr std::int64_t kDemoMinEnterprises = 1'000;
inline constexpr std::int64_t kDemoMaxEnterprises = 1'000'000;
inline constexpr const char* kDemoDistrictCode = "330205";
int demo_max_peer_districts();

// Writes the demo district, then options.districts peer districts of its city (and, past the
// city's ten, of its province) with records of their own, into an empty, migrated registry. The
// seed district's records do not depend on the peers. A conflict when the registry already holds
// enterprises; a validation problem for an enterprise or district count out of range.
Outcome<DemoSummary> generate_demo_district(store::Database& db, const DemoOptions& options);

}  // namespace kc::app
