// District comparison: the figures of every district in the caller's region scope side by side
// (GET /api/v1/districts/figures?year=Y[&format=xlsx&lang=zh|en]).
#include <string>

#include "app/audit/export_audit.hpp"
#include "app/registry/district_figures.hpp"
#include "http/api.hpp"
#include "http/audited_export.hpp"
#include "http/xlsx_download.hpp"

namespace kc::http {
namespace {

const app::RoleSet kBureau{app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer};

boost::json::value cell_json(const domain::Cell& c) {
  if (const auto* n = std::get_if<std::int64_t>(&c)) return *n;
  if (const auto* s = std::get_if<std::string>(&c)) return boost::json::string(*s);
  return nullptr;
}

boost::json::object region_json(const app::RegionFigures& r) {
  boost::json::object values;
  const auto catalogue = app::district_figure_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) values[catalogue[i].code] = cell_json(r.values[i]);
  boost::json::object o{{"values", std::move(values)}};
  // A total over the whole installation has no region code.
  o["region_code"] = r.region_code.empty() ? boost::json::value(nullptr) : boost::json::value(boost::json::string(r.region_code));
  o["region_name"] = r.region_name ? boost::json::value(boost::json::string(*r.region_name)) : nullptr;
  return o;
}

boost::json::object comparison_json(const app::DistrictComparison& c) {
  boost::json::array figures, districts;
  for (const auto& f : app::district_figure_catalogue()) {
    figures.push_back({{"code", f.code},
                       {"label", {{"zh", f.zh}, {"en", f.en}}},
                       {"unit", {{"zh", f.unit_zh}, {"en", f.unit_en}}},
                       {"additive", f.additive},
                       {"decimals", f.decimals}});
  }
  for (const auto& d : c.districts) districts.push_back(region_json(d));
  boost::json::object o{{"year", c.year}, {"figures", std::move(figures)}, {"districts", std::move(districts)}};
  o["total"] = c.total ? boost::json::value(region_json(*c.total)) : nullptr;
  return o;
}

// One row per district (and the total), headed in the chosen language with units.
Response comparison_xlsx(const Exchange& ex, const app::DistrictComparison& c, bool english) {
  std::vector<io::XlsxColumn> columns = {{english ? "Region code" : "区划代码", 12}, {english ? "Region" : "地区", 16}};
  for (const auto& f : app::district_figure_catalogue()) {
    const std::string_view unit = english ? f.unit_en : f.unit_zh;
    std::string header(english ? f.en : f.zh);
    if (!unit.empty()) header += english ? " (" + std::string(unit) + ")" : "（" + std::string(unit) + "）";
    columns.push_back({header, 16});
  }
  return xlsx_table(ex.request, "districts-" + std::to_string(c.year) + ".xlsx", "districts", columns,
                    [&](io::XlsxWriter& writer) -> domain::Status {
                      auto write = [&](const app::RegionFigures& r, std::string name) {
                        std::vector<io::XlsxCell> cells = {r.region_code, std::move(name)};
                        for (const auto& v : r.values) {
                          if (const auto* n = std::get_if<std::int64_t>(&v)) cells.emplace_back(static_cast<double>(*n));
                          else if (const auto* s = std::get_if<std::string>(&v)) cells.emplace_back(std::stod(*s));
                          else cells.emplace_back(std::monostate{});
                        }
                        return writer.write_row(cells);
                      };
                      for (const auto& d : c.districts) {
                        if (auto st = write(d, d.region_name.value_or(d.region_code)); !st) return st;
                      }
                      if (c.total) return write(*c.total, english ? "Total" : "合计");
                      return domain::ok();
                    });
}

}  // namespace

void add_district_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/districts/figures", Access::roles, kBureau,
              "The figures of every district in the caller's scope for a year, side by side with their total "
              "(year, format=json|xlsx, lang=zh|en)",
              [&s](Exchange& ex) {
                int year = 0;
                try {
                  year = std::stoi(ex.query_value("year", "0"));
                } catch (const std::exception&) {
                  year = 0;  // refused by the use case's year check
                }
                auto result = app::compare_districts(s.db, ex.actor, year);
                if (!result) return problem_response(ex.request, result.problem());
                if (ex.query_value("format") == "xlsx") {
                  const auto rows = static_cast<std::int64_t>(result->districts.size() + (result->total ? 1 : 0));
                  return audited(s, ex, {"district_figures", "xlsx", {{"year", year}}, rows},
                                 comparison_xlsx(ex, result.value(), ex.query_value("lang") == "en"));
                }
                return json_response(ex.request, beast_http::status::ok, comparison_json(result.value()));
              }}).heavy();
}

}  // namespace kc::http
