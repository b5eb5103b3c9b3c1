#include "rules/staff.hpp"

namespace kc::rules {

std::optional<StaffAverages> staff_averages(const YearFacts& year) {
  if (!year.staff_monthly.empty()) {
    // Σ over months of (start + end) / 2, divided by the number of months: one division at the end.
    Decimal emp, st;
    for (const auto& m : year.staff_monthly) {
      emp += m.employees_start + m.employees_end;
      st += m.st_start + m.st_end;
    }
    const auto months2 = static_cast<domain::Int128>(2 * year.staff_monthly.size());
    return StaffAverages{Fraction::of(emp) / Fraction(months2, 1),
                         Fraction::of(st) / Fraction(months2, 1)};
  }
  if (!year.employees || !year.st_staff) return std::nullopt;
  return StaffAverages{Fraction::of(*year.employees), Fraction::of(*year.st_staff)};
}

}  // namespace kc::rules
