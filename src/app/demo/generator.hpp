// What the demo district's generators share: the years and yearly trends, the positions of the
// enterprise roles, and the context that carries what one generator leaves for the next (the core
// firms, the platforms, the counts written). Each generator is a file of its own in this folder;
// generate_demo_district (demo_district.cpp) runs them in order.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/demo/demo_district.hpp"
#include "app/demo/demo_support.hpp"
#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "store/database.hpp"

namespace kc::app::demo {

using domain::Date;
using domain::Int128;
using T = DemoTargets;

__extension__ typedef __int128 Wide;

constexpr int kFirstYear = 2009;
constexpr int kLastYear = 2014;
constexpr int kYears = kLastYear - kFirstYear + 1;
constexpr std::int64_t kWan = T::kWan;
inline const std::string kDistrict = kDemoDistrictCode;

inline int year_index(int year) { return year - kFirstYear; }

// The trend around the report's two R&D/GDP points (万元); 2011 and 2013 are the report's.
constexpr std::array<std::int64_t, kYears> kRdByYear = {
    48'000 * kWan, 58'500 * kWan, T::kRd2011, 80'600 * kWan, T::kRd2013, 104'500 * kWan};
constexpr std::array<std::int64_t, kYears> kGdpByYear = {2'350'000 * kWan, 2'680'000 * kWan,
                                                         T::kGdp2011,      3'210'000 * kWan,
                                                         T::kGdp2013,      3'630'000 * kWan};

// Enterprise roles by position in a seeded shuffle of all enterprises: the first positions are
// the above-size industrial enterprises (those with R&D institutions first), then above-size
// service firms, the start-up park's residents, and small firms.
constexpr std::int64_t kIndustrialEnd = T::kAboveSizeIndustrial;  // [0, 600)
constexpr std::int64_t kServiceEnd = kIndustrialEnd + 160;        // [600, 760)
constexpr std::int64_t kPark2013End = kServiceEnd + T::kParkEnterprises;
constexpr std::int64_t kPark2014End = kPark2013End + 5;
constexpr std::int64_t kCoreEnd = 2'400;  // positions whose details later kinds refer to

// What later kinds need to know about the enterprises at the first positions.
struct CoreFirm {
  std::int64_t id = 0;
  std::string name;
  Date registered;
  bool performer = false;
  bool tech = false;
};

// A peer district's yearly GDP and official R&D expenditure (yuan), as its statistics state them.
struct PeerYears {
  std::array<std::int64_t, kYears> gdp{};
  std::array<std::int64_t, kYears> rd{};
};

struct Context {
  Context(store::Connection& c, Random& r) : conn(c), random(r) {}
  store::Connection& conn;
  Random& random;
  std::int64_t enterprises = 0;
  std::vector<CoreFirm> core;  // by position
  std::map<std::string, std::int64_t> written;
  std::map<std::string, std::int64_t> platform;  // short key → id
  // Per platform id and year: what platform_years reports, counted from the records.
  struct PlatformYear {
    std::int64_t seed_fund = 0, cooperation = 0, deal_value = 0;
    std::set<std::int64_t> partners;
  };
  std::map<std::pair<std::int64_t, int>, PlatformYear> platform_years;
  std::map<std::string, PeerYears> peer_years;  // by region code, for the peers with statistics

  const CoreFirm& firm(std::int64_t pos) const { return core.at(static_cast<std::size_t>(pos)); }
  std::int64_t core_size() const { return static_cast<std::int64_t>(core.size()); }
  // A random core firm's position in [from, to), registered by `by`; falls back to `from`.
  std::int64_t pos_in(std::int64_t from, std::int64_t to, Date by, bool performer_only = false) {
    to = std::min(to, core_size());
    for (int tries = 0; tries < 50; ++tries) {
      const auto pos = random.between(from, to - 1);
      const auto& f = firm(pos);
      if (f.registered <= by && (!performer_only || f.performer)) return pos;
    }
    return from;
  }
  std::int64_t firm_in(std::int64_t from, std::int64_t to, Date by, bool performer_only = false) {
    return firm(pos_in(from, to, by, performer_only)).id;
  }
  void count(const Writer& w) { written[w.kind().name] = w.written(); }
  void add_count(const Writer& w) { written[w.kind().name] += w.written(); }
};

inline std::int64_t yuan(double wan) { return std::llround(wan * kWan); }
inline std::int64_t part(std::int64_t v, double share) {
  return static_cast<std::int64_t>(static_cast<double>(v) * share);
}

// The generators, in the order generate_demo_district runs them.
void write_enterprises(Context& ctx, const DemoOptions& options);
void write_region_statistics(Context& ctx);
void write_rd_institutions(Context& ctx);
void write_programme_tiers(Context& ctx);
void write_hte_and_sme(Context& ctx);
void write_patents(Context& ctx);
void write_platforms(Context& ctx);
void write_cooperation(Context& ctx);
void write_tech_contracts(Context& ctx);
void write_platform_years(Context& ctx);
void write_incubators(Context& ctx);
// An incubator's yearly reports from its opening to 2014, tenants growing with its area.
void write_incubator_years(Writer& years, Random& random, std::int64_t id, std::int64_t area, Date opened);
void write_people(Context& ctx);
void write_loans(Context& ctx);
void write_competitions_and_policies(Context& ctx);
void align_hte_figures(Context& ctx, std::uint64_t seed);
void write_expert_reviews(Context& ctx, std::uint64_t seed);
// The expert panel's average scores behind an HTE certificate issued on `issued` (passing E7).
void write_panel_review(Writer& reviews, Random& random, std::int64_t enterprise_id, Date issued);
// The peer districts with records of their own (the first options.districts of kPeerDistricts),
// written after the seed district from their own random streams.
void write_peer_districts(Context& ctx, const DemoOptions& options);

struct PeerDistrict;
PeerYears write_peer_statistics(Writer& w, Random& random, const PeerDistrict& peer);

}  // namespace kc::app::demo
