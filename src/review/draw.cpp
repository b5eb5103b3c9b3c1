#include "review/draw.hpp"

#include <algorithm>
#include <numeric>

#include "review/eligibility.hpp"
#include "review/random.hpp"
#include "review/seat_network.hpp"

namespace kc::review {
namespace {

// Indices sorted by id, so the random draw does not see the input order.
template <class T>
std::vector<std::size_t> by_id(const std::vector<T>& items, std::vector<std::size_t> indices) {
  std::sort(indices.begin(), indices.end(),
            [&](std::size_t a, std::size_t b) { return items[a].id < items[b].id; });
  return indices;
}

std::vector<std::size_t> draw_panel(std::size_t app, std::vector<std::size_t> candidates,
                                    std::int64_t panel_size, SeatNetwork& net, DrawRng& rng) {
  std::vector<std::size_t> panel;
  while (static_cast<std::int64_t>(panel.size()) < panel_size && !candidates.empty()) {
    // Remove the drawn expert by shifting, not swapping with the last, so the rest stay in id
    // order and the next draw is described by the same rule.
    const auto j = static_cast<std::ptrdiff_t>(rng.below(candidates.size()));
    const std::size_t e = candidates[static_cast<std::size_t>(j)];
    candidates.erase(candidates.begin() + j);
    // A refused expert stays refused for this application: fixing more seats only narrows the
    // maximum assignments that remain.
    if (net.try_seat(e, app)) panel.push_back(e);
  }
  return panel;
}

std::vector<std::size_t> draw_reserves(std::vector<std::size_t> candidates, std::int64_t reserves, DrawRng& rng) {
  const std::size_t take = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(reserves));
  for (std::size_t i = 0; i < take; ++i)
    std::swap(candidates[i], candidates[i + rng.below(candidates.size() - i)]);
  candidates.resize(take);
  return candidates;
}

}  // namespace

DrawOutput draw(const DrawInput& in) {
  const auto elig = eligibility(in);
  SeatNetwork net(in, elig);
  DrawRng rng(in.seed);

  DrawOutput out;
  out.seed = in.seed;
  out.assignments.resize(in.applications.size());
  out.panels.assign(in.experts.size(), 0);

  std::vector<std::size_t> order(in.applications.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  order = by_id(in.applications, order);
  rng.shuffle(order);
  for (std::size_t a : order) {
    auto& as = out.assignments[a];
    as.panel = draw_panel(a, by_id(in.experts, elig[a].eligible), in.panel_size, net, rng);
    for (std::size_t e : as.panel) ++out.panels[e];
  }

  out.load.resize(in.experts.size());
  for (std::size_t e = 0; e < in.experts.size(); ++e) out.load[e] = in.experts[e].prior_load + out.panels[e];

  // Reserves come after every panel, since room depends on the whole draw; they are drawn in the
  // panels' order (not input order) so the input's order does not change who is drawn.
  for (std::size_t a : order) {
    auto& as = out.assignments[a];
    std::vector<std::size_t> candidates;
    for (std::size_t e : elig[a].eligible) {
      const bool on_panel = std::find(as.panel.begin(), as.panel.end(), e) != as.panel.end();
      if (!on_panel && out.load[e] < in.max_load) candidates.push_back(e);
    }
    as.reserves = draw_reserves(by_id(in.experts, candidates), in.reserves, rng);
  }

  for (std::size_t a = 0; a < in.applications.size(); ++a) {
    auto& as = out.assignments[a];
    as.eligible = elig[a].eligible.size();
    as.excluded = elig[a].excluded;
    const auto seated = static_cast<std::int64_t>(as.panel.size());
    if (seated < in.panel_size) out.shortfalls.push_back({a, in.panel_size - seated});
  }
  return out;
}

}  // namespace kc::review
