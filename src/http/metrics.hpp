// Process metrics in Prometheus text format: requests by method and status class, a latency
// histogram, errors, open connections, requests and connections refused by the server's limits,
// buffered request bytes, heavy requests running, and database pool use.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace kc::http {

// Why the server refused or cut a connection or request before any handler ran.
enum class Refusal {
  connections,              // the server-wide connection cap
  connections_per_ip,       // one address's connection cap
  in_flight_bytes,          // the server-wide cap on buffered request bytes
  in_flight_bytes_per_ip,   // one address's cap on buffered request bytes
  heavy_per_user,           // one user's cap on concurrent heavy requests
  body_too_large,           // 413
  headers_too_large,        // 431
  bad_request,              // malformed HTTP: 400
  bad_target,               // a target that is not valid UTF-8: 400
  header_timeout,           // the header did not arrive in time
};

class Metrics {
 public:
  void record(std::string_view method, unsigned status, double seconds);
  void connection_opened() { ++connections_; }
  void connection_closed() { --connections_; }
  void refused(Refusal why) { ++refused_[static_cast<std::size_t>(why)]; }
  void in_flight_bytes(std::int64_t delta) { in_flight_bytes_ += delta; }
  void heavy_started() { ++heavy_; }
  void heavy_finished() { --heavy_; }
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
  static constexpr std::array<const char*, 10> kRefusals = {
      "connections",    "connections_per_ip", "in_flight_bytes", "in_flight_bytes_per_ip", "heavy_per_user",
      "body_too_large", "headers_too_large",  "bad_request",     "bad_target",             "header_timeout"};
  std::array<std::atomic<std::uint64_t>, kRefusals.size()> refused_{};
  std::atomic<std::int64_t> in_flight_bytes_{0};
  std::atomic<std::int64_t> heavy_{0};
};

}  // namespace kc::http
