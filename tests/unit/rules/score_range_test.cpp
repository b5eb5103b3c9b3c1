#include "rules/score_range.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::hte;

const ScoreItemRange& item(const ScoreRange& r, const std::string& name) {
  for (const auto& i : r.items) {
    if (i.item == name) return i;
  }
  ADD_FAILURE() << "no item " << name;
  return r.items.front();
}

TEST(ScoreRange, BandsGiveTheOfficialPointRanges) {
  HteScore s;
  s.ip_quantity = 'B';
  s.transfer = 'C';
  s.growth_net_assets = 'A';
  s.growth_sales = 'F';
  const auto r = hte_score_range(s, hte());
  EXPECT_EQ(item(r, "ip_quantity").points.min, 5);
  EXPECT_EQ(item(r, "ip_quantity").points.max, 6);
  EXPECT_EQ(item(r, "transfer").points.min, 13);
  EXPECT_EQ(item(r, "transfer").points.max, 18);
  EXPECT_EQ(item(r, "growth_net_assets").points.min, 9);
  EXPECT_EQ(item(r, "growth_sales").points.max, 0);
  EXPECT_EQ(*item(r, "transfer").band, 'C');
  EXPECT_FALSE(item(r, "rd_management").band) << "the expert's alone";
  EXPECT_EQ(item(r, "rd_management").points.max, 20);
  // IP: 5–6 + 0–8 + 0–8 + 0–6 + 0–2 → 5–30 (capped); + 13–18 + 0–20 + 9–10 + 0–0.
  EXPECT_EQ(r.total_min, 5 + 13 + 9);
  EXPECT_EQ(r.total_max, 30 + 18 + 20 + 10);
}

TEST(ScoreRange, TheIpCapBindsAndAnUndecidedGrowthBandSpansTheItem) {
  HteScore s;
  s.ip_quantity = 'A';  // 7–8: with the expert IP items up to 32, capped at 30
  s.transfer = 'F';
  s.growth_net_assets = std::nullopt;  // negative base: left to review
  s.growth_sales = 'E';
  const auto r = hte_score_range(s, hte());
  EXPECT_FALSE(item(r, "growth_net_assets").band);
  EXPECT_EQ(item(r, "growth_net_assets").points.min, 0);
  EXPECT_EQ(item(r, "growth_net_assets").points.max, 10);
  EXPECT_EQ(r.total_min, 7 + 0 + 0 + 0 + 1);
  EXPECT_EQ(r.total_max, 30 + 0 + 20 + 10 + 2);
  EXPECT_LE(r.total_max, 100);
}

TEST(ScoreRange, EveryCombinationStaysWithinTheHundredPoints) {
  for (char ip : std::string("ABCDE")) {
    for (char tr : std::string("ABCDEF")) {
      HteScore s;
      s.ip_quantity = ip;
      s.transfer = tr;
      s.growth_net_assets = 'A';
      s.growth_sales = 'A';
      const auto r = hte_score_range(s, hte());
      EXPECT_LE(r.total_min, r.total_max);
      EXPECT_LE(r.total_max, 100) << ip << tr;
    }
  }
}

}  // namespace
}  // namespace kc::rules
