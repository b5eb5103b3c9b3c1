// Process metrics in Prometheus text format: requests by method and status class, a latency
// histogram, errors, open connections and database pool use.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace kc::http {

class Metrics {
 public:
  void record(std::string_view method, unsigned status, double seconds);
  void connection_opened() { ++connections_; }
  void connection_closed() { --connections_; }
  std::string render(const store::PoolStats& pool) const;

  static constexpr std::array<double, 11> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,   1,    2.5,   5};

 private:
  static constexpr std::array<const char*, 6> kMethods = {"GET", "POST", "PUT", "PATCH", "DELETE", "OTHER"};
  std::array<std::array<std::atomic<std::uint64_t>, 5>, 6> requests_{};  // method × status class
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> histogram_{};
  std::atomic<std::uint64_t> latency_micros_{0};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> errors_{0};
  std::atomic<std::int64_t> connections_{0};
};

}  // namespace kc::http
