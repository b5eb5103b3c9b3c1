#include "store/district_figures_repository.hpp"

#include "store/record_store.hpp"
#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

// [low, high) of the codes starting with `prefix`: the range the record lists use.
std::vector<Value> range(const std::string& prefix) {
  auto [low, high] = district_range(prefix);
  return {std::move(low), std::move(high)};
}

class Collector {
 public:
  Collector(Connection& conn, const std::string& prefix) : conn_(conn), prefix_(prefix) {}

  // Runs `select` (district code first, then one column per name in `figures`) over `from`, with
  // `conditions` and the scope on `district_column`, grouped by the district.
  void add(const std::string& select, const std::string& from, const std::string& district_column,
           SqlFilter conditions, const std::vector<std::string>& figures, bool grouped = true) {
    if (!prefix_.empty()) conditions.add(district_column + " >= ? AND " + district_column + " < ?", range(prefix_));
    else conditions.add_raw(district_column + " IS NOT NULL");
    std::string sql = "SELECT " + district_column + ", " + select + " FROM " + from + conditions.where();
    if (grouped) sql += " GROUP BY " + district_column;
    for (const auto& row : conn_.query(sql, conditions.params())) {
      auto& r = rows_[row.text(0)];
      for (std::size_t i = 0; i < figures.size(); ++i) {
        if (!row.is_null(i + 1)) r.values[figures[i]] = row.integer(i + 1);
      }
    }
  }
  void names(int year) {
    SqlFilter f;
    f.add("year = ?", std::int64_t{year});
    if (!prefix_.empty()) f.add("region_code >= ? AND region_code < ?", range(prefix_));
    for (const auto& row : conn_.query("SELECT region_code, region_name FROM reg_region_statistics" + f.where(), f.params())) {
      if (!row.is_null(1)) rows_[row.text(0)].region_name = row.text(1);
    }
  }
  std::vector<DistrictFigureRow> take() {
    std::vector<DistrictFigureRow> out;
    for (auto& [code, row] : rows_) {
      row.region_code = code;
      out.push_back(std::move(row));
    }
    return out;
  }

 private:
  Connection& conn_;
  const std::string& prefix_;
  std::map<std::string, DistrictFigureRow> rows_;
};

SqlFilter filter() { return {}; }

}  // namespace

std::vector<DistrictFigureRow> district_figures(Connection& conn, const std::string& prefix, int year) {
  const std::string first = std::to_string(year) + "-01-01", last = std::to_string(year) + "-12-31";
  const Value y = std::int64_t{year};
  Collector c(conn, prefix);
  c.add("COUNT(*)", "reg_enterprises", "region_code",
        filter().add("(registered_on IS NULL OR registered_on <= ?)", last), {"enterprises"});
  c.add("SUM(y.sales_revenue), SUM(y.rd_total)",
        "reg_enterprise_years y JOIN reg_enterprises e ON e.id = y.enterprise_id", "e.region_code",
        filter().add("y.year = ?", y), {"sales_revenue", "rd_expenditure_enterprise"});
  c.add("gdp", "reg_region_statistics", "region_code", filter().add("year = ?", y), {"gdp"}, false);
  c.add("COUNT(*)", "reg_patents", "region_code",
        filter().add("filed_on >= ? AND filed_on <= ?", std::vector<Value>{first, last}), {"patent_applications"});
  c.add("COUNT(*)", "reg_patents", "region_code",
        filter().add("granted_on >= ? AND granted_on <= ?", std::vector<Value>{first, last}), {"patent_grants"});
  c.add("COUNT(*)", "reg_rd_institutions r JOIN reg_enterprises e ON e.id = r.enterprise_id", "e.region_code",
        filter()
            .add_raw("r.kind IN ('engineering_centre', 'technology_centre')")
            .add_raw("r.level IN ('national', 'provincial', 'municipal')")
            .add("r.recognised_year <= ?", y),
        {"rd_centres_municipal_plus"});
  c.add("COUNT(DISTINCT c.enterprise_id)", "reg_hte_certificates c JOIN reg_enterprises e ON e.id = c.enterprise_id",
        "e.region_code",
        filter()
            .add("c.issued_on <= ?", last)
            .add("c.valid_until > ?", last)
            .add("(c.revoked_on IS NULL OR c.revoked_on > ?)", last),
        {"hte_count"});
  c.add("SUM(value)", "reg_tech_contracts", "region_code",
        filter().add("signed_on >= ? AND signed_on <= ?", std::vector<Value>{first, last}).add_raw("seller_region = region_code"),
        {"tech_contract_turnover_outflow"});
  c.add("COUNT(*)", "reg_talents", "region_code", filter().add("year = ?", y), {"talents_introduced"});
  c.names(year);
  return c.take();
}

}  // namespace kc::store
