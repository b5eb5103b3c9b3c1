#include "rules/text.hpp"

#include <cstdio>

namespace kc::rules::text {

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string pct(double v) { return num(v * 100.0, 2) + "%"; }
std::string pct(const domain::Fraction& f) { return pct(f.to_double()); }

}  // namespace kc::rules::text
