#include "rules/score_range.hpp"

#include <algorithm>

namespace kc::rules {
namespace {

PointRange points_of(const std::vector<std::pair<char, PointRange>>& bands, std::optional<char> band) {
  if (!band) {  // undecided (e.g. a negative base): anything the item allows
    PointRange all{bands.front().second.min, bands.front().second.max};
    for (const auto& [_, r] : bands) {
      all.min = std::min(all.min, r.min);
      all.max = std::max(all.max, r.max);
    }
    return all;
  }
  for (const auto& [letter, r] : bands) {
    if (letter == *band) return r;
  }
  return {};
}

bool is_ip_item(const std::string& item) { return item.starts_with("ip_"); }

}  // namespace

ScoreRange hte_score_range(const HteScore& score, const HtePolicy& policy) {
  const auto& p = policy.score_points;
  ScoreRange out;
  out.items.push_back({"ip_quantity", score.ip_quantity, points_of(p.ip_quantity, score.ip_quantity)});
  for (const auto& [item, r] : p.expert) {
    if (is_ip_item(item)) out.items.push_back({item, std::nullopt, r});
  }
  out.items.push_back({"transfer", score.transfer, points_of(p.transfer, score.transfer)});
  for (const auto& [item, r] : p.expert) {
    if (!is_ip_item(item)) out.items.push_back({item, std::nullopt, r});
  }
  out.items.push_back({"growth_net_assets", score.growth_net_assets, points_of(p.growth, score.growth_net_assets)});
  out.items.push_back({"growth_sales", score.growth_sales, points_of(p.growth, score.growth_sales)});

  // The IP sub-items count together up to the cap (the standards bonus cannot lift them above it).
  const auto cap = static_cast<int>(policy.ip_score_cap.num() / policy.ip_score_cap.den());  // whole points
  int ip_min = 0, ip_max = 0;
  for (const auto& i : out.items) {
    if (is_ip_item(i.item)) {
      ip_min += i.points.min;
      ip_max += i.points.max;
    } else {
      out.total_min += i.points.min;
      out.total_max += i.points.max;
    }
  }
  out.total_min += std::min(ip_min, cap);
  out.total_max += std::min(ip_max, cap);
  return out;
}

}  // namespace kc::rules
