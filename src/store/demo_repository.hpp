// The demo district generator's reads across registry tables and its in-place figure updates
// (app/demo): what the generic RecordStore cannot say in one statement — joins, sub-selects over
// another kind, and updates of a few columns of many enterprise years.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

class DemoRepository {
 public:
  explicit DemoRepository(Connection& conn) : conn_(conn) {}

  // The nine R&D expense categories of an enterprise year, in the order of `YearFigures::rd`.
  static const std::array<const char*, 9>& rd_categories();

  // The figures of one enterprise year that HTE alignment reads and rewrites. NULL reads as 0.
  struct YearFigures {
    std::int64_t id = 0, enterprise_id = 0;
    std::int64_t sales_revenue = 0, gross_income = 0, non_taxable_income = 0;
    std::int64_t high_tech_revenue = 0, ip_backed_revenue = 0, total_cost_expense = 0, rd_total = 0;
    std::array<std::int64_t, 9> rd{};
  };
  // The `year` rows of enterprises holding an HTE certificate, in id order.
  std::vector<YearFigures> certified_years(int year);
  // Up to `limit` `year` rows of uncertified enterprises with R&D, the largest R&D first.
  std::vector<YearFigures> largest_uncertified_rd(int year, int limit);
  // Writes high-tech and IP-backed revenue, cost and expense, R&D and its categories; false when no
  // enterprise year has `figures.id`.
  [[nodiscard]] bool update_figures(const YearFigures& figures);

  struct Resident {
    std::int64_t platform_id = 0;
    std::string entered_on;
    std::int64_t registered_capital = 0;  // of the resident enterprise
  };
  std::vector<Resident> platform_residents();  // in id order
  struct Platform {
    std::int64_t id = 0;
    std::string established_on;
  };
  std::vector<Platform> platforms();  // in id order
  struct CertificateIssue {
    std::int64_t enterprise_id = 0;
    std::string issued_on;
  };
  std::vector<CertificateIssue> certificate_issues();  // every HTE certificate, in id order

 private:
  std::vector<YearFigures> years(const std::string& sql, const Params& params);
  Connection& conn_;
};

}  // namespace kc::store
