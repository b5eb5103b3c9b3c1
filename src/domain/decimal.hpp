// Exact amounts in 万元 with at most 4 decimal places (1 unit = 0.0001 万元 = 1 yuan), and exact
// fractions over them, so that policy thresholds such as "R&D / sales ≥ 5%" are decided without
// binary floating point: a ratio that equals its threshold in decimal arithmetic is at it.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc::domain {

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit integer.
__extension__ typedef __int128 Int128;

class Decimal {
 public:
  static constexpr int kScale = 4;
  static constexpr std::int64_t kUnitsPerOne = 10000;
  // Magnitude bound (10^10 万元, a trillion yuan times ten) so that products of three amounts and
  // a small threshold denominator stay far inside 128 bits.
  static constexpr std::int64_t kMaxUnits = 100'000'000'000'000;

  enum class ParseError { malformed, too_many_decimals, out_of_range };

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t units) { return Decimal(units); }
  static constexpr Decimal from_int(std::int64_t whole) { return Decimal(whole * kUnitsPerOne); }
  // "-12.5", "3", "0.0001". No exponent, no leading '+', at most 4 decimals.
  static std::optional<Decimal> parse(std::string_view text, ParseError* why = nullptr);
  // A JSON number already held as a double: its shortest round-trip spelling is the literal the
  // author wrote whenever that literal has at most 15 significant digits, which our range and
  // scale guarantee; that spelling is then parsed exactly.
  static std::optional<Decimal> from_double(double value, ParseError* why = nullptr);

  std::int64_t units() const { return units_; }
  double to_double() const { return static_cast<double>(units_) / kUnitsPerOne; }
  // Shortest exact spelling: "1822.5", "60", "-0.0001".
  std::string to_string() const;
  bool is_negative() const { return units_ < 0; }
  bool is_zero() const { return units_ == 0; }

  friend constexpr auto operator<=>(Decimal, Decimal) = default;
  friend constexpr Decimal operator+(Decimal a, Decimal b) { return Decimal(a.units_ + b.units_); }
  friend constexpr Decimal operator-(Decimal a, Decimal b) { return Decimal(a.units_ - b.units_); }
  Decimal& operator+=(Decimal o) {
    units_ += o.units_;
    return *this;
  }

 private:
  constexpr explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

// An exact rational number num/den (den > 0). It is reduced only when its terms grow large, so
// batch evaluation does not pay for a gcd on every operation; comparisons never need reduction. Used for derived quantities
// that leave the 4-decimal grid: 80% of commissioned R&D, capped other expenses, monthly staff
// averages, thresholds read from a policy, growth rates.
class Fraction {
 public:
  constexpr Fraction() = default;
  // Precondition: den != 0 (callers check zero denominators; a zero here is a bug).
  Fraction(Int128 num, Int128 den) : num_(den < 0 ? -num : num), den_(den < 0 ? -den : den) {
    // Keep terms below 2^80 so that one more cross-multiplication cannot overflow 128 bits.
    constexpr Int128 kLimit = Int128(1) << 80;
    if (den_ > kLimit || num_ > kLimit || num_ < -kLimit || den_ == 0) normalise_large();
  }
  static Fraction of(Decimal d) { return Fraction(d.units(), Decimal::kUnitsPerOne); }
  static Fraction integer(std::int64_t n) { return Fraction(n, 1); }
  // Policy thresholds written as decimal text ("0.05", "20000", "1/3").
  static std::optional<Fraction> parse(std::string_view text);

  Int128 num() const { return num_; }
  Int128 den() const { return den_; }
  double to_double() const;
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }
  // Smallest amount on the 4-decimal grid that is ≥ this value (for "must rise by" figures).
  Decimal ceil_to_decimal() const;
  // Smallest integer ≥ this value.
  std::int64_t ceil() const;
  std::int64_t floor() const;

  friend Fraction operator+(const Fraction& a, const Fraction& b) { return combine(a, b, 1); }
  friend Fraction operator-(const Fraction& a, const Fraction& b) { return combine(a, b, -1); }
  friend Fraction operator*(const Fraction& a, const Fraction& b) {
    return Fraction(a.num_ * b.num_, a.den_ * b.den_);
  }
  // Precondition: b is not zero.
  friend Fraction operator/(const Fraction& a, const Fraction& b) {
    return Fraction(a.num_ * b.den_, a.den_ * b.num_);
  }
  // Exact comparison by cross-multiplication.
  friend std::strong_ordering operator<=>(const Fraction& a, const Fraction& b) {
    Int128 l, r;
    if (__builtin_mul_overflow(a.num_, b.den_, &l) || __builtin_mul_overflow(b.num_, a.den_, &r))
      return compare_exact(a.num_, a.den_, b.num_, b.den_);
    return l < r ? std::strong_ordering::less
                 : (l > r ? std::strong_ordering::greater : std::strong_ordering::equal);
  }
  friend bool operator==(const Fraction& a, const Fraction& b) {
    return a.num_ * b.den_ == b.num_ * a.den_;
  }
  Fraction reduced() const;

 private:
  void normalise_large();  // reduce by the gcd; abort on a zero denominator
  // a/b <=> c/d (b, d > 0) by comparing integer parts and then inverted remainders: never
  // overflows, used when the cross products would.
  static std::strong_ordering compare_exact(Int128 a, Int128 b, Int128 c, Int128 d);
  // a ± b with a common denominator found without a gcd when one divides the other (the usual
  // case: amounts in 1/10000 and policy shares such as 4/5).
  static Fraction combine(const Fraction& a, const Fraction& b, int sign) {
    if (a.den_ == b.den_) return Fraction(a.num_ + sign * b.num_, a.den_);
    constexpr Int128 k62 = Int128(1) << 62;
    if (a.den_ < k62 && b.den_ < k62) {
      const auto ad = static_cast<std::int64_t>(a.den_), bd = static_cast<std::int64_t>(b.den_);
      if (bd % ad == 0) return Fraction(a.num_ * (bd / ad) + sign * b.num_, b.den_);
      if (ad % bd == 0) return Fraction(a.num_ + sign * b.num_ * (ad / bd), a.den_);
    }
    return Fraction(a.num_ * b.den_ + sign * b.num_ * a.den_, a.den_ * b.den_);
  }

  Int128 num_ = 0;
  Int128 den_ = 1;
};

inline Fraction min(const Fraction& a, const Fraction& b) { return b < a ? b : a; }
inline Fraction max(const Fraction& a, const Fraction& b) { return a < b ? b : a; }

// a/b compared with threshold t, exactly, for b > 0: the shape of every policy ratio test.
std::strong_ordering compare_ratio(const Fraction& a, const Fraction& b, const Fraction& t);

}  // namespace kc::domain
