#include "assess/indicator.hpp"

#include <algorithm>
#include <cmath>

namespace kc::assess {
namespace {

// §9: the band and bonus comparisons tolerate 1e-9, so that a completion equal to a threshold in
// decimal (2.4 / 3 = 0.8) is at it although binary floating point puts it just below.
constexpr double kGuard = 1e-9;

std::optional<double> target_ratio(const Node& n, double x) {
  const double t = *n.target;
  double s;
  if (n.direction == 1) {
    s = 100 * x / t;
  } else {
    if (x <= 0) return n.cap;  // the best possible value: the cap, or missing without one
    s = 100 * t / x;
  }
  s = std::max(0.0, s);
  if (n.cap) s = std::min(*n.cap, s);
  return s;
}

std::optional<double> base_index(const Node& n, double x, const Unit& unit) {
  const auto b = lookup(unit.base, n.indicator);
  if (!b || *b <= 0) return std::nullopt;
  if (n.direction == -1 && x <= 0) return std::nullopt;
  // §9: no floor at 0 for base indices.
  double s = n.direction == 1 ? 100 * x / *b : 100 * *b / x;
  if (n.cap) s = std::min(*n.cap, s);
  return s;
}

double points(const Node& n, double x) {
  const double t = *n.target;
  double c;
  if (n.direction == 1) c = std::max(0.0, x / t);  // targets are positive (checked when parsed)
  else c = x <= 0 ? 0.0 : t / x;
  double p = 0;
  if (n.bands) {
    for (const auto& band : *n.bands)
      if (c + kGuard >= band.from) {
        p = n.points * band.share;
        break;
      }
  } else {
    p = n.points * std::min(1.0, c);
  }
  if (n.bonus && c > 1)
    p += std::min(n.bonus->max, n.bonus->points * std::floor((c - 1) / n.bonus->per + kGuard));
  return p;
}

}  // namespace

std::optional<double> transformed_value(const Node& node, std::optional<double> raw,
                                        const Unit& unit) {
  if (!raw) return std::nullopt;
  if (node.transform == Transform::level) return raw;
  const auto prev = lookup(unit.previous, node.indicator);
  if (!prev) return std::nullopt;
  if (node.transform == Transform::change) return *raw - *prev;
  if (*prev <= 0) return std::nullopt;
  return (*raw / *prev - 1) * 100;
}

std::optional<double> indicator_score(Method method, const Node& node, std::optional<double> x,
                                      const Unit& unit) {
  if (!x) return std::nullopt;
  switch (method) {
    case Method::target_ratio: return target_ratio(node, *x);
    case Method::base_index: return base_index(node, *x, unit);
    case Method::points: return points(node, *x);
  }
  return std::nullopt;
}

}  // namespace kc::assess
