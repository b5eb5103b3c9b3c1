// §3.4 against an independent oracle: on small random calls, where every assignment can be
// enumerated, each draw fills exactly as many seats as the best assignment under §3.1–3.3.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "review/draw.hpp"
#include "review/eligibility.hpp"
#include "review/random.hpp"

namespace kc::review {
namespace {

// A small call with tight loads and a tight affiliation cap, so that constraints bind.
DrawInput small_call(DrawRng& rng) {
  DrawInput in;
  in.as_of = *domain::Date::parse("2014-03-01");
  in.panel_size = 1 + static_cast<std::int64_t>(rng.below(3));
  in.reserves = static_cast<std::int64_t>(rng.below(3));
  in.max_load = 1 + static_cast<std::int64_t>(rng.below(2));
  if (rng.below(2)) in.max_same_affiliation = 1;
  const char* units[] = {"U1", "U2", "U3"};
  for (int e = 0; e < 6; ++e) {
    Expert x;
    x.id = "E" + std::to_string(e);
    x.fields = {rng.below(4) ? "A" : "B"};
    x.affiliation = units[rng.below(3)];
    x.prior_load = static_cast<std::int64_t>(rng.below(2));
    in.experts.push_back(x);
  }
  for (int a = 0; a < 3; ++a) {
    Application y;
    y.id = "APP" + std::to_string(a);
    y.field = "A1";
    y.applicant = units[rng.below(3)];
    in.applications.push_back(y);
  }
  return in;
}

// The most seats any assignment can fill, by trying every panel (a subset of the eligible) for
// every application.
std::int64_t best_by_enumeration(const DrawInput& in) {
  const auto elig = eligibility(in);
  std::vector<std::int64_t> panels(in.experts.size(), 0);
  std::function<std::int64_t(std::size_t)> best = [&](std::size_t a) -> std::int64_t {
    if (a == in.applications.size()) return 0;
    const auto& cand = elig[a].eligible;
    std::int64_t top = 0;
    for (unsigned mask = 0; mask < (1u << cand.size()); ++mask) {
      std::vector<std::size_t> panel;
      for (std::size_t i = 0; i < cand.size(); ++i)
        if (mask & (1u << i)) panel.push_back(cand[i]);
      if (static_cast<std::int64_t>(panel.size()) > in.panel_size) continue;
      std::map<std::string, std::int64_t> per_unit;
      bool fits = true;
      for (std::size_t e : panel) {
        if (++per_unit[in.experts[e].affiliation] > in.max_same_affiliation.value_or(in.panel_size)) fits = false;
        if (in.experts[e].prior_load + panels[e] + 1 > in.max_load) fits = false;
      }
      if (!fits) continue;
      for (std::size_t e : panel) ++panels[e];
      top = std::max(top, static_cast<std::int64_t>(panel.size()) + best(a + 1));
      for (std::size_t e : panel) --panels[e];
    }
    return top;
  };
  return best(0);
}

TEST(ReviewMaximum, EveryDrawFillsAsManySeatsAsTheBestEnumeratedAssignment) {
  DrawRng calls(2014);
  int binding = 0;
  for (int n = 0; n < 60; ++n) {
    DrawInput in = small_call(calls);
    const std::int64_t best = best_by_enumeration(in);
    binding += best < in.panel_size * static_cast<std::int64_t>(in.applications.size());
    for (std::uint64_t seed = 0; seed < 5; ++seed) {
      in.seed = seed;
      std::int64_t seated = 0;
      for (const auto& as : draw(in).assignments) seated += static_cast<std::int64_t>(as.panel.size());
      EXPECT_EQ(seated, best) << "call " << n << " seed " << seed;
    }
  }
  EXPECT_GT(binding, 10);  // the calls are tight enough for the maximum to matter
}

}  // namespace
}  // namespace kc::review
