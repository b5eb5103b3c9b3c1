#include "store/demo_repository.hpp"

#include "domain/registry_kinds.hpp"

namespace kc::store {
namespace {

std::string table(const char* kind) { return domain::find_kind(kind)->table; }

std::int64_t value(const Row& r, std::size_t i) { return r.is_null(i) ? 0 : r.integer(i); }

// "SELECT <figures> FROM <enterprise years> WHERE year = $1 AND "
std::string select_figures() {
  std::string sql = "SELECT id, enterprise_id, sales_revenue, gross_income, non_taxable_income, "
                    "high_tech_revenue, ip_backed_revenue, total_cost_expense, rd_total";
  for (const char* c : DemoRepository::rd_categories()) sql += std::string(", ") + c;
  return sql + " FROM " + table("enterprise_years") + " WHERE year = $1 AND ";
}

std::string certified() { return "SELECT enterprise_id FROM " + table("hte_certificates"); }

}  // namespace

const std::array<const char*, 9>& DemoRepository::rd_categories() {
  static constexpr std::array<const char*, 9> kCategories = {
      "rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation", "rd_design",
      "rd_trials", "rd_commissioned_domestic", "rd_commissioned_foreign", "rd_other"};
  return kCategories;
}

std::vector<DemoRepository::YearFigures> DemoRepository::years(const std::string& sql, const Params& params) {
  std::vector<YearFigures> out;
  for (const auto& r : conn_.query(sql, params)) {
    YearFigures y{r.integer(0), r.integer(1), value(r, 2), value(r, 3), value(r, 4), value(r, 5),
                  value(r, 6),  value(r, 7),  value(r, 8), {}};
    for (std::size_t i = 0; i < y.rd.size(); ++i) y.rd[i] = value(r, 9 + i);
    out.push_back(y);
  }
  return out;
}

std::vector<DemoRepository::YearFigures> DemoRepository::certified_years(int year) {
  static const std::string sql = select_figures() + "enterprise_id IN (" + certified() + ") ORDER BY id";
  return years(sql, {std::int64_t{year}});
}

std::vector<DemoRepository::YearFigures> DemoRepository::largest_uncertified_rd(int year, int limit) {
  static const std::string sql =
      select_figures() + "rd_total > 0 AND enterprise_id NOT IN (" + certified() + ") ORDER BY rd_total DESC, id LIMIT $2";
  return years(sql, {std::int64_t{year}, std::int64_t{limit}});
}

bool DemoRepository::update_figures(const YearFigures& y) {
  static const std::string sql = [] {
    std::string s = "UPDATE " + table("enterprise_years") +
                    " SET high_tech_revenue = $2, ip_backed_revenue = $3, total_cost_expense = $4, rd_total = $5";
    for (std::size_t i = 0; i < rd_categories().size(); ++i) {
      s += std::string(", ") + rd_categories()[i] + " = $" + std::to_string(6 + i);
    }
    return s + " WHERE id = $1";
  }();
  Params p{y.id, y.high_tech_revenue, y.ip_backed_revenue, y.total_cost_expense, y.rd_total};
  for (auto c : y.rd) p.emplace_back(c);
  return conn_.execute(sql, p) > 0;
}

std::vector<DemoRepository::Resident> DemoRepository::platform_residents() {
  std::vector<Resident> out;
  for (const auto& r : conn_.query("SELECT r.platform_id, r.entered_on, e.registered_capital FROM " +
                                   table("platform_residents") + " r JOIN " + table("enterprises") +
                                   " e ON e.id = r.enterprise_id ORDER BY r.id")) {
    out.push_back({r.integer(0), r.text(1), r.integer(2)});
  }
  return out;
}

std::vector<DemoRepository::Platform> DemoRepository::platforms() {
  std::vector<Platform> out;
  for (const auto& r : conn_.query("SELECT id, established_on FROM " + table("platforms") + " ORDER BY id")) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

std::vector<DemoRepository::CertificateIssue> DemoRepository::certificate_issues() {
  std::vector<CertificateIssue> out;
  for (const auto& r : conn_.query("SELECT enterprise_id, issued_on FROM " + table("hte_certificates") + " ORDER BY id")) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

}  // namespace kc::store
