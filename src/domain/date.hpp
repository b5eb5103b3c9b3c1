// A civil (proleptic Gregorian) calendar date without time zone, as the policy rules use them:
// registration, application and grant dates, parsed from and written as "YYYY-MM-DD".
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc::domain {

class Date {
 public:
  // Days since 1970-01-01; the representation keeps differences and comparisons trivial.
  constexpr Date() = default;
  static Date from_days(std::int32_t days) { return Date(days); }
  // nullopt for anything but a real date written exactly as YYYY-MM-DD (years 1000-9999).
  static std::optional<Date> parse(std::string_view text);
  // Year, month 1-12, day 1-31; nullopt when the combination does not exist.
  static std::optional<Date> from_ymd(int year, int month, int day);

  int year() const;
  int month() const;
  int day() const;
  std::int32_t days_since_epoch() const { return days_; }
  std::string to_string() const;

  Date add_days(std::int32_t n) const { return Date(days_ + n); }
  // Calendar arithmetic: a day that does not exist in the target month is clamped to its last
  // day (2024-02-29 plus one year is 2025-02-28), the usual reading of "one year after".
  Date add_months(int n) const;
  Date add_years(int n) const { return add_months(12 * n); }

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// Signed number of days from `from` to `to` (positive when `to` is later).
inline std::int32_t days_between(Date from, Date to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace kc::domain
