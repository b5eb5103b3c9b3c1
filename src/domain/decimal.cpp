#include "domain/decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <numeric>

namespace kc::domain {
namespace {

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

Int128 gcd128(Int128 a, Int128 b) {
  a = abs128(a);
  b = abs128(b);
  // 64-bit binary gcd when both fit: 128-bit division is a slow library call.
  constexpr Int128 k64 = static_cast<Int128>(UINT64_MAX);
  if (a <= k64 && b <= k64)
    return static_cast<Int128>(std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b)));
  while (b != 0) {
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

Int128 floor_div(Int128 a, Int128 b) {  // b > 0
  Int128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text, ParseError* why) {
  auto fail = [&](ParseError e) -> std::optional<Decimal> {
    if (why) *why = e;
    return std::nullopt;
  };
  bool negative = false;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  std::int64_t whole = 0;
  std::size_t whole_digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
    if (whole > kMaxUnits / kUnitsPerOne) return fail(ParseError::out_of_range);
    whole = whole * 10 + (text[i] - '0');
  }
  if (whole_digits == 0) return fail(ParseError::malformed);
  std::int64_t frac = 0;
  int frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (frac_digits == kScale) {
        // Trailing zeros beyond the scale are harmless ("1.50000"); anything else is not.
        if (text[i] != '0') return fail(ParseError::too_many_decimals);
        continue;
      }
      frac = frac * 10 + (text[i] - '0');
      ++frac_digits;
    }
    if (frac_digits == 0) return fail(ParseError::malformed);
  }
  if (i != text.size()) return fail(ParseError::malformed);
  for (int k = frac_digits; k < kScale; ++k) frac *= 10;
  const std::int64_t units = whole * kUnitsPerOne + frac;
  if (units > kMaxUnits) return fail(ParseError::out_of_range);
  return Decimal(negative ? -units : units);
}

std::optional<Decimal> Decimal::from_double(double value, ParseError* why) {
  if (!std::isfinite(value) || std::fabs(value) > static_cast<double>(kMaxUnits / kUnitsPerOne)) {
    if (why) *why = ParseError::out_of_range;
    return std::nullopt;
  }
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (res.ec != std::errc{}) {
    if (why) *why = ParseError::malformed;
    return std::nullopt;
  }
  return parse(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)), why);
}

std::string Decimal::to_string() const {
  const std::uint64_t mag =
      units_ < 0 ? static_cast<std::uint64_t>(-(units_ + 1)) + 1 : static_cast<std::uint64_t>(units_);
  std::string s = units_ < 0 ? "-" : "";
  s += std::to_string(mag / kUnitsPerOne);
  std::uint64_t frac = mag % kUnitsPerOne;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(kScale) - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += "." + f;
  }
  return s;
}

std::strong_ordering Fraction::compare_exact(Int128 a, Int128 b, Int128 c, Int128 d) {
  for (;;) {
    const Int128 q1 = floor_div(a, b), q2 = floor_div(c, d);
    if (q1 != q2) return q1 < q2 ? std::strong_ordering::less : std::strong_ordering::greater;
    const Int128 r1 = a - q1 * b, r2 = c - q2 * d;  // 0 ≤ r < den
    if (r1 == 0 || r2 == 0)
      return r1 == r2 ? std::strong_ordering::equal
                      : (r1 == 0 ? std::strong_ordering::less : std::strong_ordering::greater);
    // r1/b <=> r2/d  ⇔  d/r2 <=> b/r1 (cross-multiply both by the positive b·d·r1·r2).
    const Int128 old_b = b;
    a = d;
    b = r2;
    c = old_b;
    d = r1;
  }
}

void Fraction::normalise_large() {
  if (den_ == 0) std::abort();  // a bug, never input: callers check zero denominators
  *this = reduced();
}

Fraction Fraction::reduced() const {
  Fraction r;
  const Int128 g = gcd128(num_, den_);
  r.num_ = g > 1 ? num_ / g : num_;
  r.den_ = g > 1 ? den_ / g : den_;
  return r;
}

std::optional<Fraction> Fraction::parse(std::string_view text) {
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    const auto n = Decimal::parse(text.substr(0, slash));
    const auto d = Decimal::parse(text.substr(slash + 1));
    if (!n || !d || d->is_zero()) return std::nullopt;
    return Fraction(n->units(), d->units()).reduced();
  }
  const auto d = Decimal::parse(text);
  if (!d) return std::nullopt;
  return of(*d).reduced();  // policy constants stay small: 0.05 is 1/20
}

double Fraction::to_double() const {
  // Integer part and remainder separately keep full double precision for large numerators.
  const Int128 q = num_ / den_;
  const Int128 r = num_ % den_;
  return static_cast<double>(q) + static_cast<double>(r) / static_cast<double>(den_);
}

std::int64_t Fraction::floor() const { return static_cast<std::int64_t>(floor_div(num_, den_)); }

std::int64_t Fraction::ceil() const {
  return static_cast<std::int64_t>(-floor_div(-num_, den_));
}

Decimal Fraction::ceil_to_decimal() const {
  const Int128 scaled = num_ * Decimal::kUnitsPerOne;
  return Decimal::from_units(static_cast<std::int64_t>(-floor_div(-scaled, den_)));
}

std::strong_ordering compare_ratio(const Fraction& a, const Fraction& b, const Fraction& t) {
  // a/b <=> t  ⇔  a <=> t·b  when b > 0.
  return a <=> t * b;
}

}  // namespace kc::domain
