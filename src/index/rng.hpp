// A small, portable random generator (xoshiro256** seeded by SplitMix64). Each uncertainty run gets
// its own generator derived from (seed, stream, index), so results do not depend on which thread
// runs what, and the standard library's distributions (implementation-defined) are not used.
#pragma once

#include <cstdint>

namespace kc::index {

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t x = seed;
    x = mix(x ^ mix(stream + 0x632BE59BD9B4E019ULL));
    x = mix(x ^ mix(index + 0x8CB92BA72F3D8DD7ULL));
    for (auto& s : s_) s = mix(x += 0x9E3779B97F4A7C15ULL);
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

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t s_[4];
};

}  // namespace kc::index
