#include "http/metrics.hpp"

#include <cstdio>

namespace kc::http {

void Metrics::record(std::string_view method, unsigned status, double seconds) {
  std::size_t m = kMethods.size() - 1;
  for (std::size_t i = 0; i + 1 < kMethods.size(); ++i) {
    if (method == kMethods[i]) m = i;
  }
  const std::size_t cls = status >= 100 && status < 600 ? status / 100 - 1 : 4;
  ++requests_[m][cls];
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++histogram_[b];
  latency_micros_ += static_cast<std::uint64_t>(seconds * 1e6);
  ++count_;
  if (status >= 500) ++errors_;
}

std::string Metrics::render(const store::PoolStats& pool) const {
  std::string out;
  char line[256];
  out += "# HELP kc_http_requests_total HTTP requests by method and status class.\n";
  out += "# TYPE kc_http_requests_total counter\n";
  for (std::size_t m = 0; m < kMethods.size(); ++m) {
    for (std::size_t c = 0; c < 5; ++c) {
      std::snprintf(line, sizeof line, "kc_http_requests_total{method=\"%s\",status=\"%zuxx\"} %llu\n",
                    kMethods[m], c + 1, static_cast<unsigned long long>(requests_[m][c].load()));
      out += line;
    }
  }
  out += "# HELP kc_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE kc_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += histogram_[b].load();
    std::snprintf(line, sizeof line, "kc_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                  kBuckets[b], static_cast<unsigned long long>(cumulative));
    out += line;
  }
  cumulative += histogram_[kBuckets.size()].load();
  std::snprintf(line, sizeof line,
                "kc_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "kc_http_request_duration_seconds_sum %.6f\nkc_http_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(cumulative), static_cast<double>(latency_micros_.load()) / 1e6,
                static_cast<unsigned long long>(count_.load()));
  out += line;
  std::snprintf(line, sizeof line,
                "# HELP kc_http_errors_total Responses with a 5xx status.\n# TYPE kc_http_errors_total counter\n"
                "kc_http_errors_total %llu\n"
                "# HELP kc_http_connections Open client connections.\n# TYPE kc_http_connections gauge\n"
                "kc_http_connections %lld\n",
                static_cast<unsigned long long>(errors_.load()), static_cast<long long>(connections_.load()));
  out += line;
  out += "# HELP kc_http_refused_total Connections and requests refused by the server's limits, by reason.\n";
  out += "# TYPE kc_http_refused_total counter\n";
  for (std::size_t r = 0; r < kRefusals.size(); ++r) {
    std::snprintf(line, sizeof line, "kc_http_refused_total{reason=\"%s\"} %llu\n", kRefusals[r],
                  static_cast<unsigned long long>(refused_[r].load()));
    out += line;
  }
  std::snprintf(line, sizeof line,
                "# HELP kc_http_in_flight_bytes Request bytes admitted and not yet answered.\n"
                "# TYPE kc_http_in_flight_bytes gauge\nkc_http_in_flight_bytes %lld\n"
                "# HELP kc_http_heavy_requests Heavy requests admitted and not yet answered.\n"
                "# TYPE kc_http_heavy_requests gauge\nkc_http_heavy_requests %lld\n",
                static_cast<long long>(in_flight_bytes_.load()), static_cast<long long>(heavy_.load()));
  out += line;
  std::snprintf(line, sizeof line,
                "# HELP kc_db_pool_connections Open database connections.\n# TYPE kc_db_pool_connections gauge\n"
                "kc_db_pool_connections %zu\n"
                "# HELP kc_db_pool_in_use Database connections lent to workers.\n# TYPE kc_db_pool_in_use gauge\n"
                "kc_db_pool_in_use %zu\n",
                pool.size, pool.in_use);
  out += line;
  return out;
}

}  // namespace kc::http
