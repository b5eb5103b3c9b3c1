#include "index/weights.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "index/stats.hpp"

namespace kc::index {

std::vector<double> normalised_weights(const Framework& framework,
                                       std::span<const double> weights) {
  std::vector<double> out(weights.begin(), weights.end());
  const auto& rows = framework.rows();
  for (std::size_t a = 0; a < rows.size(); ++a) {
    const auto& kids = framework.children(static_cast<int>(a));
    if (kids.empty()) continue;
    double s = 0;
    for (int k : kids) s += weights[k];
    for (int k : kids) out[k] = s > 0 ? weights[k] / s : kNA;
  }
  for (int t : framework.top()) out[t] = 1;
  return out;
}

std::vector<double> effective_weights(const Framework& framework, std::span<const double> weights) {
  const std::vector<double> nw = normalised_weights(framework, weights);
  std::vector<double> out(weights.size(), kNA);
  for (int r : framework.tree_rows()) {
    double e = 1;
    for (int p = r; p >= 0; p = framework.parent(p)) e *= nw[p];
    out[r] = e;
  }
  return out;
}

std::vector<double> noisy_weights(const Framework& framework, std::span<const double> weights,
                                  std::span<const WeightNoise> noise,
                                  const std::function<double()>& uniform) {
  std::vector<double> out(weights.begin(), weights.end());
  for (const WeightNoise& n : noise) {
    for (int r : framework.tree_rows()) {
      if (framework.rows()[r].level != n.level) continue;
      const double u = (2 * uniform() - 1) * n.factor;
      out[r] = weights[r] * (1 + u);
    }
  }
  return out;
}

void symmetric_eigen(std::vector<std::vector<double>> a, std::vector<double>& values,
                     std::vector<std::vector<double>>& vectors) {
  const std::size_t n = a.size();
  std::vector<std::vector<double>> v(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) v[i][i] = 1;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) off += a[i][j] * a[i][j];
    if (off < 1e-24) break;
    for (std::size_t p = 0; p < n; ++p) {
      for (std::size_t q = p + 1; q < n; ++q) {
        if (std::abs(a[p][q]) < 1e-300) continue;
        const double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const double t = (theta >= 0 ? 1 : -1) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (std::size_t k = 0; k < n; ++k) {
          const double akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (std::size_t k = 0; k < n; ++k) {
          const double apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (std::size_t k = 0; k < n; ++k) {
          const double vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return a[x][x] > a[y][y]; });
  values.assign(n, 0);
  vectors.assign(n, std::vector<double>(n, 0));
  for (std::size_t k = 0; k < n; ++k) {
    values[k] = a[order[k]][order[k]];
    for (std::size_t i = 0; i < n; ++i) vectors[i][k] = v[i][order[k]];
  }
}

Result<std::vector<double>> pca_weights(const Dataset& data, const Framework& framework,
                                        std::span<const double> weights, int level) {
  std::vector<double> out(weights.begin(), weights.end());
  bool any = false;
  for (std::size_t a = 0; a < framework.rows().size(); ++a) {
    const auto& kids = framework.children(static_cast<int>(a));
    if (kids.empty() || framework.rows()[kids[0]].level != level) continue;
    any = true;
    if (kids.size() == 1) {
      out[kids[0]] = 1;
      continue;
    }
    // Complete cases over the children.
    std::vector<std::vector<double>> cols;
    for (int k : kids) {
      const int c = data.column(framework.rows()[k].code);
      if (c < 0)
        return make_error("pca.missing",
                          "PCA weights: '" + framework.rows()[k].code + "' is not in the dataset");
      cols.push_back(data.values[c]);
    }
    std::vector<std::vector<double>> cc(kids.size());
    for (std::size_t u = 0; u < data.n_units(); ++u) {
      bool complete = true;
      for (auto& c : cols) complete = complete && !is_na(c[u]);
      if (!complete) continue;
      for (std::size_t k = 0; k < cols.size(); ++k) cc[k].push_back(cols[k][u]);
    }
    if (cc[0].size() < 3)
      return make_error("pca.cases", "PCA weights: fewer than 3 complete units under '" +
                                         framework.rows()[a].code + "'");
    std::vector<std::vector<double>> corr(kids.size(), std::vector<double>(kids.size(), 1.0));
    for (std::size_t i = 0; i < kids.size(); ++i)
      for (std::size_t j = i + 1; j < kids.size(); ++j) {
        double r = stats::pearson(cc[i], cc[j]);
        if (is_na(r))
          return make_error("pca.spread", "PCA weights: a child of '" + framework.rows()[a].code +
                                              "' has no spread");
        corr[i][j] = corr[j][i] = r;
      }
    std::vector<double> vals;
    std::vector<std::vector<double>> vecs;
    symmetric_eigen(corr, vals, vecs);
    double s = 0;
    for (std::size_t k = 0; k < kids.size(); ++k) s += std::abs(vecs[k][0]);
    for (std::size_t k = 0; k < kids.size(); ++k) out[kids[k]] = std::abs(vecs[k][0]) / s;
  }
  if (!any)
    return make_error("pca.level",
                      "PCA weights: no aggregate has children at level " + std::to_string(level));
  return out;
}

}  // namespace kc::index
