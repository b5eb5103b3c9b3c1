// The draw's random source: xoshiro256** seeded by SplitMix64 from the input seed, and unbiased
// integers below n by Lemire's multiply-and-reject. Everything is fixed-width integer arithmetic,
// so the same seed gives the same numbers on every platform; the standard library's
// distributions are implementation-defined and are not used.
#pragma once

#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace kc::review {

class DrawRng {
 public:
  explicit DrawRng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : s_) s = splitmix(x);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n ≥ 1, exactly: Lemire's method, rejecting the few products that would
  // bias the high word.
  std::uint64_t below(std::uint64_t n) {
    auto [hi, lo] = multiply(next(), n);
    if (lo < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (lo < threshold) std::tie(hi, lo) = multiply(next(), n);
    }
    return hi;
  }

  // The 128-bit product as (high, low) words, in portable 64-bit arithmetic (no __int128).
  static std::pair<std::uint64_t, std::uint64_t> multiply(std::uint64_t a, std::uint64_t b) {
    const std::uint64_t mask = 0xFFFFFFFFULL;
    const std::uint64_t a0 = a & mask, a1 = a >> 32, b0 = b & mask, b1 = b >> 32;
    const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const std::uint64_t middle = (p00 >> 32) + (p01 & mask) + (p10 & mask);
    const std::uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
    const std::uint64_t lo = (middle << 32) | (p00 & mask);
    return {hi, lo};
  }

  // Fisher–Yates from the back: every order equally likely.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t s_[4];
};

}  // namespace kc::review
