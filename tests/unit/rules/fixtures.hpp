// Test fixtures: the shipped policy versions and baseline enterprises that pass every condition,
// so each test changes exactly the fact it is about.
#pragma once

#include <gtest/gtest.h>

#include "rules/policy.hpp"

namespace kc::rules::testing {

inline Decimal d(const char* s) { return *Decimal::parse(s); }
inline Date date(const char* s) { return *Date::parse(s); }
inline Fraction f(const char* s) { return *Fraction::parse(s); }

inline const HtePolicy& hte() {
  static const HtePolicy p = std::get<HtePolicy>(*load_policy("hte-2016").policy);
  return p;
}
inline const SmePolicy& sme() {
  static const SmePolicy p = std::get<SmePolicy>(*load_policy("sme-2017").policy);
  return p;
}

inline YearFacts year(int y, const char* sales, const char* rd, const char* na) {
  YearFacts f;
  f.year = y;
  f.sales_revenue = d(sales);
  f.gross_income = d(sales) + d("150");
  f.non_taxable_income = d("50");
  f.high_tech_revenue = d(sales);  // well above 60% of total income
  f.ip_backed_revenue = d(sales);
  f.rd_total = d(rd);
  f.total_cost_expense = d(sales);
  f.net_assets = d(na);
  f.total_assets = d("5000");
  f.employees = d("120");
  f.st_staff = d("18");
  f.transfers = 5;
  return f;
}

inline IpItem ip(IpKind kind, const char* granted = "2021-08-10") {
  IpItem i;
  i.id = "P";
  i.kind = kind;
  i.granted_on = date(granted);
  return i;
}

// Passes E1–E8 at 2025-05-20 (R&D 700 / sales 12,100 = 5.79% in the 5% tier).
inline EnterpriseFacts hte_ok() {
  EnterpriseFacts e;
  e.id = "T";
  e.registered_on = date("2019-06-01");
  e.tech_field = 1;
  e.years = {year(2022, "3800", "208", "2000"), year(2023, "4300", "230", "2500"),
             year(2024, "4000", "262", "3200")};
  e.ip = {ip(IpKind::invention_patent)};
  ExpertScores s;
  s.ip_advancement = d("6");
  s.ip_core_support = d("6");
  s.ip_quantity = d("7");
  s.ip_acquisition = d("5");
  s.ip_standards_bonus = d("2");
  s.transfer = d("21");
  s.rd_management = d("16");
  s.growth_net_assets = d("7");
  s.growth_sales = d("1");
  e.expert_scores = s;  // 71
  return e;
}

inline const Date kHteAsOf = *Date::parse("2025-05-20");
inline const Date kSmeAsOf = *Date::parse("2025-03-31");

// Qualifies by score at 2025-03-31: staff 22% (12), R&D 4.2% of sales (30), 3 Class II (18) = 60.
inline EnterpriseFacts sme_ok() {
  EnterpriseFacts e;
  e.id = "S";
  e.registered_on = date("2015-01-01");
  YearFacts y = year(2024, "2000", "84", "1500");
  y.total_cost_expense = d("1900");
  y.total_assets = d("3000");
  y.employees = d("200");
  y.st_staff = d("44");
  e.years = {y};
  e.ip = {ip(IpKind::utility_model), ip(IpKind::utility_model), ip(IpKind::utility_model)};
  return e;
}

}  // namespace kc::rules::testing
