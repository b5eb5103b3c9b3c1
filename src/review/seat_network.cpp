#include "review/seat_network.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <string>

namespace kc::review {

SeatNetwork::SeatNetwork(const DrawInput& in, const std::vector<Eligibility>& eligibility) {
  const std::size_t n_experts = in.experts.size();
  const std::size_t n_apps = in.applications.size();
  out_.resize(2 + n_experts + n_apps);
  const auto expert_node = [](std::size_t e) { return static_cast<int>(2 + e); };
  const auto app_node = [&](std::size_t a) { return static_cast<int>(2 + n_experts + a); };

  for (std::size_t e = 0; e < n_experts; ++e) {
    // Room for more panels; a prior_load at or above max_load leaves none (§3.2). Capped at the
    // number of applications, which is all an expert can use, so the sums stay small.
    const std::int64_t room = std::clamp<std::int64_t>(in.max_load - in.experts[e].prior_load, 0,
                                                       static_cast<std::int64_t>(n_apps));
    source_edge_.push_back(add_edge(kSource, expert_node(e), room));
  }
  const std::int64_t panel = std::min<std::int64_t>(in.panel_size, static_cast<std::int64_t>(n_experts));
  const std::int64_t per_unit = std::min(panel, in.max_same_affiliation.value_or(panel));
  for (std::size_t a = 0; a < n_apps; ++a) {
    sink_edge_.push_back(add_edge(app_node(a), kSink, panel));
    std::map<std::string, int> group;  // affiliation → its (application, affiliation) node
    for (std::size_t e : eligibility[a].eligible) {
      const std::string& unit = in.experts[e].affiliation;
      auto it = group.find(unit);
      int group_edge = -1;
      if (it == group.end()) {
        const int node = static_cast<int>(out_.size());
        out_.emplace_back();
        group_edge = add_edge(node, app_node(a), per_unit);
        it = group.emplace(unit, group_edge).first;
      }
      group_edge = it->second;
      const int seat = add_edge(expert_node(e), edges_[group_edge ^ 1].to, 1);
      seat_edge_[{a, e}] = {seat, group_edge};
    }
  }
  max_seats_ = compute_max_flow();
}

int SeatNetwork::add_edge(int from, int to, std::int64_t cap) {
  const int id = static_cast<int>(edges_.size());
  edges_.push_back({to, cap, 0});
  edges_.push_back({from, 0, 0});
  out_[from].push_back(id);
  out_[to].push_back(id + 1);
  return id;
}

void SeatNetwork::push(int e, std::int64_t amount) {
  edges_[e].flow += amount;
  edges_[e ^ 1].flow -= amount;
}

std::vector<int> SeatNetwork::find_path(int from, int to) const {
  // Breadth first, edges in insertion order: deterministic for a given input. The buffers are
  // kept between searches and cleared by a stamp, since a draw runs one search per seat.
  if (seen_.size() != out_.size()) {
    seen_.assign(out_.size(), 0);
    via_.assign(out_.size(), -1);
  }
  if (++stamp_ == 0) {  // wrapped around: old marks could pass for new ones
    std::fill(seen_.begin(), seen_.end(), 0);
    stamp_ = 1;
  }
  const std::uint32_t stamp = stamp_;
  queue_.clear();
  queue_.push_back(from);
  seen_[from] = stamp;
  for (std::size_t head = 0; head < queue_.size() && seen_[to] != stamp; ++head) {
    const int u = queue_[head];
    for (int e : out_[u]) {
      const int v = edges_[e].to;
      if (seen_[v] == stamp || residual(e) <= 0) continue;
      seen_[v] = stamp;
      via_[v] = e;
      queue_.push_back(v);
    }
  }
  const auto& via = via_;
  const bool found = seen_[to] == stamp;
  std::vector<int> path;
  if (!found) return path;
  for (int v = to; v != from; v = edges_[via[v] ^ 1].to) path.push_back(via[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

// Dinic's algorithm: shortest augmenting paths in phases, so a large call does not pay one
// breadth-first search per seat.
std::int64_t SeatNetwork::compute_max_flow() {
  std::int64_t total = 0;
  std::vector<int> level(out_.size()), next(out_.size());
  for (;;) {
    std::fill(level.begin(), level.end(), -1);
    std::deque<int> queue{kSource};
    level[kSource] = 0;
    while (!queue.empty()) {
      const int u = queue.front();
      queue.pop_front();
      for (int e : out_[u]) {
        const int v = edges_[e].to;
        if (level[v] < 0 && residual(e) > 0) {
          level[v] = level[u] + 1;
          queue.push_back(v);
        }
      }
    }
    if (level[kSink] < 0) return total;
    std::fill(next.begin(), next.end(), 0);
    // Depth first along the levels, with an explicit stack (paths are short, but calls are not).
    for (;;) {
      std::vector<int> path;
      int u = kSource;
      while (u != kSink) {
        auto& i = next[u];
        while (i < static_cast<int>(out_[u].size())) {
          const int e = out_[u][i];
          if (residual(e) > 0 && level[edges_[e].to] == level[u] + 1) break;
          ++i;
        }
        if (i == static_cast<int>(out_[u].size())) {  // dead end: retreat
          if (path.empty()) break;
          level[u] = -1;
          const int back = path.back();
          path.pop_back();
          u = edges_[back ^ 1].to;
          ++next[u];
          continue;
        }
        const int e = out_[u][i];
        path.push_back(e);
        u = edges_[e].to;
      }
      if (u != kSink) break;  // no more paths in this phase
      std::int64_t amount = std::numeric_limits<std::int64_t>::max();
      for (int e : path) amount = std::min(amount, residual(e));
      for (int e : path) push(e, amount);
      total += amount;
    }
  }
}

bool SeatNetwork::try_seat(std::size_t expert, std::size_t application) {
  const auto it = seat_edge_.find({application, expert});
  if (it == seat_edge_.end()) return false;  // not eligible
  const auto [seat, group] = it->second;
  if (edges_[seat].cap == 0) return false;  // already seated there
  // Seats fixed so far may have used up the expert's room or the affiliation's share of this
  // panel; no search is needed to refuse then (and most refusals late in a large draw are these).
  if (edges_[source_edge_[expert]].cap == 0 || edges_[group].cap == 0) return false;
  if (edges_[seat].flow == 0) {
    // Two maximum flows differ by a circulation in the residual graph, so some maximum flow uses
    // the seat exactly when the residual graph leads from its head back to its tail.
    const int tail = edges_[seat ^ 1].to;
    const auto back = find_path(edges_[seat].to, tail);
    if (back.empty()) return false;
    push(seat, 1);
    for (int e : back) push(e, 1);
  }
  // Fix the seat: take its unit of flow out of the network together with the capacity it used,
  // so what remains is a maximum flow of the remaining seats (and any later seat must fit too).
  for (int e : {source_edge_[expert], seat, group, sink_edge_[application]}) {
    edges_[e].cap -= 1;
    push(e, -1);
  }
  return true;
}

}  // namespace kc::review
