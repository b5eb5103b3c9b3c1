#include "assess/rounding.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace kc::assess {
namespace {

// v = digits × 10^exponent, digits having 12 significant digits (from "%.11e").
void decompose(double v, std::int64_t& digits, int& exponent) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.11e", v);
  std::string s(buf);
  const auto e = s.find('e');
  const int exp10 = std::atoi(s.c_str() + e + 1);
  std::string mantissa = s.substr(0, e);
  const bool negative = mantissa[0] == '-';
  std::string only;
  for (const char c : mantissa)
    if (c >= '0' && c <= '9') only += c;
  digits = std::stoll(only) * (negative ? -1 : 1);
  exponent = exp10 - 11;
}

}  // namespace

std::int64_t micro_units(double v) {
  std::int64_t digits;
  int exponent;
  decompose(v, digits, exponent);
  int shift = exponent + 6;  // digits × 10^shift micro-units
  if (shift >= 0) {
    for (; shift > 0; --shift) digits *= 10;  // totals are far below 10^6 × 10^12
    return digits;
  }
  if (shift < -18) return 0;
  std::int64_t divisor = 1;
  for (int i = 0; i < -shift; ++i) divisor *= 10;
  const std::int64_t q = digits / divisor, r = digits % divisor;
  // Half away from zero on the exact decimal remainder.
  if (2 * (r < 0 ? -r : r) >= divisor) return digits < 0 ? q - 1 : q + 1;
  return q;
}

double significant12(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.11e", v);
  return std::strtod(buf, nullptr);
}

}  // namespace kc::assess
