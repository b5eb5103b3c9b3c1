// The properties review-draw spec §3–4 implies, checked on every public example over many seeds:
// nobody seated or held in reserve has a conflict, loads and the affiliation cap hold, reserves are
// as many as there is room for, ordered and off the panel, and the draw is reproducible but random.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "examples.hpp"
#include "review/draw.hpp"

namespace kc::review::test {
namespace {

constexpr std::uint64_t kSeeds = 100;

// The hand-worked eligible ids of each application, from the example's expected file.
std::vector<std::set<std::string>> expected_eligible(const Example& ex) {
  std::vector<std::set<std::string>> out;
  for (const auto& a : ex.expected.at("applications").as_array()) {
    const auto v = strings_of(a.at("eligible"));
    out.emplace_back(v.begin(), v.end());
  }
  return out;
}

DrawOutput draw_with_seed(DrawInput in, std::uint64_t seed) {
  in.seed = seed;
  return draw(in);
}

class ReviewProperties : public ::testing::TestWithParam<std::string> {};

TEST_P(ReviewProperties, OnlyEligibleExpertsAreSeatedOrReserved) {
  const Example ex = load_example(GetParam());
  const auto eligible = expected_eligible(ex);
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    const DrawOutput out = draw_with_seed(ex.input, seed);
    for (std::size_t a = 0; a < out.assignments.size(); ++a) {
      for (const auto& id : ids(ex.input, out.assignments[a].panel))
        EXPECT_TRUE(eligible[a].contains(id)) << id << " seated, seed " << seed;
      for (const auto& id : ids(ex.input, out.assignments[a].reserves))
        EXPECT_TRUE(eligible[a].contains(id)) << id << " reserve, seed " << seed;
    }
  }
}

TEST_P(ReviewProperties, LoadsAndTheAffiliationCapHold) {
  const Example ex = load_example(GetParam());
  const DrawInput& in = ex.input;
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    const DrawOutput out = draw_with_seed(in, seed);
    std::vector<std::int64_t> panels(in.experts.size(), 0);
    for (const auto& as : out.assignments) {
      EXPECT_LE(static_cast<std::int64_t>(as.panel.size()), in.panel_size);
      std::set<std::size_t> distinct(as.panel.begin(), as.panel.end());
      EXPECT_EQ(distinct.size(), as.panel.size()) << "seed " << seed;
      std::map<std::string, std::int64_t> per_unit;
      for (std::size_t e : as.panel) {
        ++panels[e];
        ++per_unit[in.experts[e].affiliation];
      }
      if (in.max_same_affiliation) {
        for (const auto& [unit, n] : per_unit) EXPECT_LE(n, *in.max_same_affiliation) << unit << " seed " << seed;
      }
    }
    for (std::size_t e = 0; e < in.experts.size(); ++e) {
      EXPECT_EQ(out.panels[e], panels[e]);
      if (panels[e] > 0) {
        EXPECT_LE(in.experts[e].prior_load + panels[e], in.max_load) << in.experts[e].id;
      }
    }
  }
}

TEST_P(ReviewProperties, ReservesAreAsManyAsThereIsRoomForOrderedAndOffThePanel) {
  const Example ex = load_example(GetParam());
  const DrawInput& in = ex.input;
  const auto eligible = expected_eligible(ex);
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    const DrawOutput out = draw_with_seed(in, seed);
    for (std::size_t a = 0; a < out.assignments.size(); ++a) {
      const auto& as = out.assignments[a];
      const std::set<std::size_t> panel(as.panel.begin(), as.panel.end());
      std::size_t room = 0;  // k of §3.1, recomputed from the hand-worked eligibility
      for (std::size_t e = 0; e < in.experts.size(); ++e)
        if (eligible[a].contains(in.experts[e].id) && !panel.contains(e) &&
            in.experts[e].prior_load + out.panels[e] < in.max_load)
          ++room;
      EXPECT_EQ(as.reserves.size(), std::min<std::size_t>(room, static_cast<std::size_t>(in.reserves)))
          << in.applications[a].id << " seed " << seed;
      std::set<std::size_t> seen;
      for (std::size_t e : as.reserves) {
        EXPECT_FALSE(panel.contains(e)) << in.experts[e].id << " is on the panel and a reserve";
        EXPECT_TRUE(seen.insert(e).second) << in.experts[e].id << " twice among the reserves";
        EXPECT_LT(in.experts[e].prior_load + out.panels[e], in.max_load) << in.experts[e].id << " has no room";
      }
    }
  }
}

TEST_P(ReviewProperties, TheSameSeedGivesTheSameBytes) {
  const Example ex = load_example(GetParam());
  const std::string first = draw_output_json(ex.input, draw(ex.input));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(draw_output_json(ex.input, draw(ex.input)), first);
  // Reparsing the input (not reusing the value) gives the same output too.
  const auto again = parse_draw_input(ex.text);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(draw_output_json(again.value(), draw(again.value())), first);
}

TEST_P(ReviewProperties, DifferentSeedsUsuallyGiveDifferentPanels) {
  const Example ex = load_example(GetParam());
  std::set<std::vector<std::vector<std::size_t>>> distinct;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    std::vector<std::vector<std::size_t>> panels;
    for (const auto& as : draw_with_seed(ex.input, seed).assignments) {
      auto p = as.panel;
      std::sort(p.begin(), p.end());
      panels.push_back(p);
    }
    distinct.insert(panels);
  }
  // Every example leaves some application more eligible experts than seats.
  EXPECT_GT(distinct.size(), 1u);
}

TEST_P(ReviewProperties, ListingTheInputInAnotherOrderDrawsTheSamePanels) {
  const Example ex = load_example(GetParam());
  DrawInput reversed = ex.input;
  std::reverse(reversed.experts.begin(), reversed.experts.end());
  std::reverse(reversed.applications.begin(), reversed.applications.end());
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const DrawOutput a = draw_with_seed(ex.input, seed);
    const DrawOutput b = draw_with_seed(reversed, seed);
    const std::size_t n = a.assignments.size();
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(ids(ex.input, a.assignments[i].panel), ids(reversed, b.assignments[n - 1 - i].panel));
      EXPECT_EQ(ids(ex.input, a.assignments[i].reserves), ids(reversed, b.assignments[n - 1 - i].reserves));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Public, ReviewProperties, ::testing::ValuesIn(example_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// §3.5 on p1's first application (6 eligible, 3 seats, loads and diversity slack per its notes):
// each eligible expert sits with probability panel_size / eligible over seeds.
TEST(ReviewRandomness, EachEligibleExpertSitsWithProbabilityPanelSizeOverEligible) {
  const Example ex = load_example("p1-conflict-codes");
  const auto eligible = expected_eligible(ex);
  const std::size_t a = 0;
  const double p = static_cast<double>(ex.input.panel_size) / static_cast<double>(eligible[a].size());
  constexpr int kDraws = 4000;
  std::map<std::string, int> sat;
  for (std::uint64_t seed = 0; seed < kDraws; ++seed)
    for (const auto& id : ids(ex.input, draw_with_seed(ex.input, seed * 7919 + 1).assignments[a].panel)) ++sat[id];
  EXPECT_EQ(sat.size(), eligible[a].size());
  // Binomial standard deviation sqrt(p(1−p)/n) ≈ 0.008 here; 0.04 is five of them.
  for (const auto& id : eligible[a]) EXPECT_NEAR(sat[id] / double(kDraws), p, 0.04) << id;
}

}  // namespace
}  // namespace kc::review::test
