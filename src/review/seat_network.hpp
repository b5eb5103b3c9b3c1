// The seats of a draw as a flow network (review-draw spec §3.1–3.4): source → expert (room:
// max_load − prior_load) → (application, affiliation) (1 per eligible pair) → application
// (max_same_affiliation) → sink (panel_size). A maximum flow is a maximum assignment.
//
// The draw fixes seats one at a time; try_seat accepts a seat only when some maximum assignment
// still contains every seat fixed so far plus this one, so drawing at random among the accepted
// seats never loses a seat that a cleverer assignment would have filled (spec §3.4, example p6).
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "review/eligibility.hpp"
#include "review/model.hpp"

namespace kc::review {

class SeatNetwork {
 public:
  SeatNetwork(const DrawInput& in, const std::vector<Eligibility>& eligibility);

  // The most panel seats any assignment can fill.
  std::int64_t max_seats() const { return max_seats_; }

  // Seats `expert` on `application` when a maximum assignment keeps every seat fixed so far and
  // this one; returns false (and changes nothing) otherwise.
  bool try_seat(std::size_t expert, std::size_t application);

 private:
  struct Edge {
    int to;
    std::int64_t cap;
    std::int64_t flow;
  };
  int add_edge(int from, int to, std::int64_t cap);  // returns the forward edge's index
  std::int64_t residual(int e) const { return edges_[e].cap - edges_[e].flow; }
  void push(int e, std::int64_t amount);
  // Edge indices of a path from `from` to `to` with residual capacity, or empty when none.
  std::vector<int> find_path(int from, int to) const;
  std::int64_t compute_max_flow();

  static constexpr int kSource = 0;
  static constexpr int kSink = 1;
  std::vector<Edge> edges_;  // edge i and i ^ 1 are each other's reverse
  std::vector<std::vector<int>> out_;
  std::vector<int> source_edge_;                   // per expert
  std::vector<int> sink_edge_;                     // per application
  std::map<std::pair<std::size_t, std::size_t>, std::pair<int, int>> seat_edge_;  // (app, expert) → (seat edge, group edge)
  std::int64_t max_seats_ = 0;
  // find_path's buffers (a search marks nodes with its own stamp instead of clearing them); a
  // network belongs to one draw on one thread.
  mutable std::vector<std::uint32_t> seen_;
  mutable std::vector<int> via_;
  mutable std::vector<int> queue_;
  mutable std::uint32_t stamp_ = 0;
};

}  // namespace kc::review
