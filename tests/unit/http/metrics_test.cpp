#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

TEST(Metrics, CountsByMethodStatusAndLatencyBucket) {
  Metrics m;
  m.record("GET", 200, 0.002);
  m.record("GET", 404, 0.2);
  m.record("POST", 503, 7.0);
  const auto text = m.render({3, 1});
  EXPECT_NE(text.find("kc_http_requests_total{method=\"GET\",status=\"2xx\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("kc_http_requests_total{method=\"GET\",status=\"4xx\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("kc_http_requests_total{method=\"POST\",status=\"5xx\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("kc_http_request_duration_seconds_bucket{le=\"0.005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("kc_http_request_duration_seconds_bucket{le=\"0.25\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("kc_http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("kc_http_errors_total 1\n"), std::string::npos);
  EXPECT_NE(text.find("kc_db_pool_in_use 1\n"), std::string::npos);
}

}  // namespace
}  // namespace kc::http
