#include "app/policy/cultivation.hpp"
#include "app/policy/tier_flows.hpp"
#include "domain/timestamp.hpp"
#include "http/api.hpp"
#include "http/audited_export.hpp"
#include "http/xlsx_download.hpp"

namespace kc::http {
namespace {

const app::RoleSet kBureau{app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer};

// {from_year, to_year, tiers, counts: [{year, leading, hte, sme, none}], flows: [{from_year,
// to_year, from, to, count}]}
boost::json::object tier_flows_json(const app::TierFlows& f) {
  boost::json::array tiers, counts, flows;
  for (app::Tier t : app::tier_ladder()) tiers.push_back(boost::json::string(app::to_string(t)));
  for (const auto& c : f.counts) {
    boost::json::object o{{"year", c.year}};
    for (const auto& [tier, n] : c.enterprises) o[app::to_string(tier)] = n;
    counts.push_back(std::move(o));
  }
  for (const auto& m : f.flows) {
    flows.push_back({{"from_year", m.from_year},
                     {"to_year", m.to_year},
                     {"from", app::to_string(m.from)},
                     {"to", app::to_string(m.to)},
                     {"count", m.count}});
  }
  return {{"from_year", f.from_year}, {"to_year", f.to_year}, {"tiers", std::move(tiers)},
          {"counts", std::move(counts)}, {"flows", std::move(flows)}};
}

// The pipeline's list as an XLSX download.
Response pipeline_xlsx(const Exchange& ex, const boost::json::object& body) {
  return xlsx_table(ex.request, "hte-pipeline.xlsx", "hte-pipeline",
                    {{"enterprise_id", 12}, {"credit_code", 22}, {"name", 30}, {"category", 14},
                     {"verdict", 16}, {"failed", 14}, {"gaps", 80}},
                    [&](io::XlsxWriter& writer) -> domain::Status {
                      for (const auto& v : body.at("items").as_array()) {
                        const auto& o = v.as_object();
                        std::string failed, gaps;
                        if (auto* f = o.if_contains("failed")) {
                          for (const auto& c : f->as_array()) failed += (failed.empty() ? "" : " ") + std::string(c.as_string());
                        }
                        if (auto* g = o.if_contains("gaps")) {
                          for (const auto& c : g->as_array()) {
                            gaps += (gaps.empty() ? "" : "; ") + std::string(c.as_object().at("zh").as_string());
                          }
                        }
                        const std::string verdict = o.if_contains("verdict") ? std::string(o.at("verdict").as_string()) : "";
                        auto st = writer.write_row({static_cast<double>(o.at("enterprise_id").as_int64()),
                                                    std::string(o.at("credit_code").as_string()),
                                                    std::string(o.at("name").as_string()),
                                                    std::string(o.at("category").as_string()), verdict, failed, gaps});
                        if (!st) return st;
                      }
                      return domain::ok();
                    });
}

// One row per enterprise with its tier at each year end, as an XLSX download.
Response tiers_xlsx(const Exchange& ex, const app::TierTable& table) {
  std::vector<io::XlsxColumn> columns = {{"enterprise_id", 12}, {"credit_code", 22}, {"name", 30}};
  for (int y : table.years) columns.push_back({std::to_string(y), 12});
  return xlsx_table(ex.request, "tiers.xlsx", "tiers", columns, [&](io::XlsxWriter& writer) -> domain::Status {
    std::vector<io::XlsxCell> cells;
    for (const auto& row : table.rows) {
      cells = {static_cast<double>(row.enterprise_id), row.credit_code, row.name};
      for (auto t : row.tiers) cells.emplace_back(std::string(app::to_string(t)));
      if (auto st = writer.write_row(cells); !st) return st;
    }
    return domain::ok();
  });
}

// The year's deadline lists (certificates expiring, annual reports due) as one XLSX sheet.
Response deadlines_xlsx(const Exchange& ex, const boost::json::object& body) {
  const auto year = std::to_string(body.at("year").as_int64());
  return xlsx_table(
      ex.request, "deadlines-" + year + ".xlsx", "deadlines",
      {{"list", 22}, {"due", 12}, {"enterprise_id", 12}, {"name", 30}, {"certificate_no", 20}, {"valid_until", 12}},
      [&](io::XlsxWriter& writer) -> domain::Status {
        // The annual report is due on the day the HTE deadline names (policy data).
        std::string report_due;
        for (const auto& d : body.at("deadlines").as_array())
          if (d.at("what") == "hte_annual_report") report_due = d.at("due").as_string();
        const std::pair<const char*, std::string> lists[] = {{"certificates_expiring", ""},
                                                             {"annual_report_due", report_due}};
        for (const auto& [list, due] : lists) {
          for (const auto& v : body.at(list).as_array()) {
            const auto& o = v.as_object();
            const std::string until(o.at("valid_until").as_string());
            auto st = writer.write_row({std::string(list), due.empty() ? until : due,
                                        static_cast<double>(o.at("enterprise_id").as_int64()),
                                        std::string(o.at("name").as_string()),
                                        std::string(o.at("certificate_no").as_string()), until});
            if (!st) return st;
          }
        }
        return domain::ok();
      });
}

int this_year() { return std::stoi(domain::to_iso_utc(domain::now_epoch_seconds()).substr(0, 4)); }

int year_param(const Exchange& ex, const char* name, int fallback) {
  try {
    return std::stoi(ex.query_value(name, std::to_string(fallback)));
  } catch (const std::exception&) {
    return 0;  // refused by the use case's year check
  }
}

}  // namespace

void add_cultivation_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/cultivation/hte", Access::roles, kBureau,
              "HTE cultivation pipeline over the registry (as_of, format=json|xlsx)", [&s](Exchange& ex) {
                const std::string today = domain::to_iso_utc(domain::now_epoch_seconds()).substr(0, 10);
                auto result = app::run_hte_pipeline(s.db, ex.actor, ex.query_value("as_of", today));
                if (!result) return problem_response(ex.request, result.problem());
                if (ex.query_value("format") == "xlsx") {
                  const auto rows = static_cast<std::int64_t>(result.value().at("items").as_array().size());
                  return audited(s, ex, {"cultivation_hte", "xlsx", {{"as_of", ex.query_value("as_of", today)}}, rows},
                                 pipeline_xlsx(ex, result.value()));
                }
                return json_response(ex.request, beast_http::status::ok, result.value());
              }}).heavy();
  router.add({beast_http::verb::get, "/api/v1/cultivation/tiers", Access::roles, kBureau,
              "Tier of every enterprise at each year end and the flows between tiers (from, to, format=json|xlsx)",
              [&s](Exchange& ex) {
                const app::TierFlowsRequest request{year_param(ex, "from", this_year() - 5),
                                                    year_param(ex, "to", this_year())};
                if (ex.query_value("format") == "xlsx") {
                  auto table = app::tier_table(s.db, ex.actor, request);
                  if (!table) return problem_response(ex.request, table.problem());
                  return audited(s, ex,
                                 {"cultivation_tiers", "xlsx", {{"from", request.from_year}, {"to", request.to_year}},
                                  static_cast<std::int64_t>(table.value().rows.size())},
                                 tiers_xlsx(ex, table.value()));
                }
                auto result = app::tier_flows(s.db, ex.actor, request);
                return respond(ex, result, [&](app::TierFlows& flows) {
                  return json_response(ex.request, beast_http::status::ok, tier_flows_json(flows));
                });
              }}).heavy();
  router.add({beast_http::verb::get, "/api/v1/cultivation/deadlines", Access::roles, kBureau,
              "Deadlines of a year: expiring HTE certificates, SME update, HTE annual report (format=json|xlsx)", [&s](Exchange& ex) {
                const int year = year_param(ex, "year", this_year());
                auto result = app::cultivation_deadlines(s.db, ex.actor, year);
                if (result && ex.query_value("format") == "xlsx") {
                  const auto& o = result.value();
                  const auto rows = static_cast<std::int64_t>(o.at("certificates_expiring").as_array().size() +
                                                              o.at("annual_report_due").as_array().size());
                  return audited(s, ex, {"cultivation_deadlines", "xlsx", {{"year", year}}, rows},
                                 deadlines_xlsx(ex, o));
                }
                return respond(ex, result, [&](boost::json::object& o) {
                  return json_response(ex.request, beast_http::status::ok, o);
                });
              }});
}

}  // namespace kc::http
