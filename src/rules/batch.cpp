#include "rules/batch.hpp"

#include <cstdlib>

#include "rules/batch_math.hpp"

namespace kc::rules {
namespace batch {

std::optional<Ratio> ratio_of(const Fraction& f, Int128 limit, const char* name,
                              std::string& error) {
  const Fraction r = f.reduced();
  const Int128 p = r.num() < 0 ? -r.num() : r.num();
  if (p > limit || r.den() > limit) {
    error = std::string("policy setting ") + name + " is outside the batch path's exact range";
    return std::nullopt;
  }
  return Ratio{r.num(), r.den()};
}

std::optional<RdScale> RdScale::of(const RdCollection& c, std::string& error) {
  const auto share = ratio_of(c.commissioned_share, kMaxShareTerm, "commissioned_share", error);
  const auto cap = ratio_of(c.other_cap_factor, kMaxShareTerm, "other_cap_share", error);
  if (!share || !cap) return std::nullopt;
  if (share->p < 0 || cap->p < 0) {
    error = "policy R&D collection shares must not be negative";
    return std::nullopt;
  }
  RdScale s;
  s.d = share->q * cap->q;
  s.share_num_qc = share->p * cap->q;
  s.share_num = share->p;
  s.qs = share->q;
  s.cap_num = cap->p;
  s.cap_base_includes_commissioned = c.cap_base_includes_commissioned;
  return s;
}

domain::Result<std::int32_t> first_day_expiring_after(Date as_of, int years) {
  constexpr int kMaxYears = 1000;
  if (years < -kMaxYears || years > kMaxYears)
    return domain::Error{"rules.batch.policy", "certificate validity outside ±1000 years"};
  const std::int32_t span = 367 * std::abs(years) + 40;
  std::int32_t lo = as_of.days_since_epoch() - span;  // expires on or before as_of
  std::int32_t hi = as_of.days_since_epoch() + span;  // expires after as_of
  auto expires_after = [&](std::int32_t c) { return Date::from_days(c).add_years(years) > as_of; };
  if (expires_after(lo) || !expires_after(hi))
    return domain::Error{"rules.batch.policy", "certificate validity window not found"};
  while (hi - lo > 1) {
    const std::int32_t mid = lo + (hi - lo) / 2;
    (expires_after(mid) ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace batch

namespace {

std::uint8_t code_bit(std::string_view code) {
  // "E1".."E8", "M1".."M5" → bit 0..7.
  return static_cast<std::uint8_t>(1u << (code[1] - '1'));
}

template <class R>
void masks(const R& r, std::uint8_t& failed, std::uint8_t& unknown) {
  failed = unknown = 0;
  for (const auto& code : r.failed) failed |= code_bit(code);
  for (const auto& c : r.conditions)
    if (c.status == CondStatus::unknown) unknown |= code_bit(c.code);
}

}  // namespace

HteOutcome outcome_of(const HteResult& r) {
  HteOutcome o;
  o.verdict = r.verdict;
  masks(r, o.failed, o.unknown);
  return o;
}

SmeOutcome outcome_of(const SmeResult& r) {
  SmeOutcome o;
  o.verdict = r.verdict;
  o.route = r.route;
  masks(r, o.failed, o.unknown);
  return o;
}

}  // namespace kc::rules
