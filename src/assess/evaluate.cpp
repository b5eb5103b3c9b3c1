#include "assess/evaluate.hpp"

#include <algorithm>

#include "assess/indicator.hpp"

namespace kc::assess {
namespace {

struct Walk {
  const Scheme& scheme;
  const Unit& unit;
  std::optional<Override> what_if;
  Evaluation out;

  std::optional<double> indicator(std::size_t i) {
    const Node& n = scheme.nodes[i];
    const auto raw = what_if && what_if->node == i ? std::optional(what_if->raw)
                                                   : lookup(unit.values, n.indicator);
    out.value[i] = transformed_value(n, raw, unit);
    auto s = indicator_score(scheme.method, n, out.value[i], unit);
    if (!s) {
      if (std::find(out.missing.begin(), out.missing.end(), n.indicator) == out.missing.end())
        out.missing.push_back(n.indicator);
      if (scheme.missing == MissingPolicy::zero) s = 0.0;
    }
    return s;
  }

  // The weighted mean (or, for points, the sum) of the children present; nullopt when none is.
  std::optional<double> combine(const std::vector<std::size_t>& children) {
    double sum = 0, weights = 0;
    bool any = false;
    for (const auto c : children) {
      const auto s = node(c);
      if (!s) continue;
      any = true;
      sum += scheme.method == Method::points ? *s : scheme.nodes[c].weight * *s;
      weights += scheme.nodes[c].weight;
    }
    if (!any) return std::nullopt;
    return scheme.method == Method::points ? sum : sum / weights;
  }

  std::optional<double> node(std::size_t i) {
    const Node& n = scheme.nodes[i];
    out.score[i] = n.is_indicator ? indicator(i) : combine(n.children);
    return out.score[i];
  }
};

}  // namespace

Evaluation evaluate_unit(const Scheme& scheme, const Unit& unit, std::optional<Override> what_if) {
  Walk walk{scheme, unit, what_if, {}};
  walk.out.value.assign(scheme.nodes.size(), std::nullopt);
  walk.out.score.assign(scheme.nodes.size(), std::nullopt);
  walk.out.total = walk.combine(scheme.roots);
  return std::move(walk.out);
}

}  // namespace kc::assess
