// The indicator catalogue and its values: GET /api/v1/indicators (the catalogue in force),
// GET /api/v1/indicators/values?year=Y[&region=CODE][&codes=a,b], GET /api/v1/indicators/series
// ?from=Y1&to=Y2[&region][&codes], GET/PUT /api/v1/indicators/targets, DELETE …/targets/{id}, GET /api/v1/indicators/{code}/explain
// ?year=Y[&region=CODE], and for administrators PUT/DELETE /api/v1/indicators/{code}.
#include <sstream>

#include "app/indicators/assessments.hpp"
#include "app/indicators/indicator_service.hpp"
#include "http/api.hpp"
#include "http/audited_export.hpp"
#include "http/indicator_json.hpp"
#include "http/indicator_xlsx.hpp"
#include "http/xlsx_download.hpp"
#include "http/json_body.hpp"
#include "json/json_text.hpp"

namespace kc::http {
namespace {

const app::RoleSet kBureau{app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer};
const app::RoleSet kAdmin{app::Role::admin};
const app::RoleSet kStaff{app::Role::admin, app::Role::staff};

app::IndicatorRequest request_of(const Exchange& ex) {
  app::IndicatorRequest r;
  try {
    r.year = std::stoi(ex.query_value("year", "0"));
  } catch (const std::exception&) {
    r.year = 0;  // refused by the use case's year check
  }
  if (const auto region = ex.query_value("region"); !region.empty()) r.region = region;
  std::stringstream codes(ex.query_value("codes"));
  for (std::string code; std::getline(codes, code, ',');) {
    if (!code.empty()) r.codes.push_back(code);
  }
  return r;
}

Response sheet_download(const Exchange& ex, const std::string& filename, const XlsxSheet& sheet) {
  return xlsx_table(ex.request, filename, "indicators", sheet.columns, [&](io::XlsxWriter& writer) -> domain::Status {
    for (const auto& row : sheet.rows) {
      if (auto st = writer.write_row(row); !st) return st;
    }
    return domain::ok();
  });
}

}  // namespace

void add_indicator_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/indicators", Access::roles, kBureau,
              "The indicator catalogue in force (built-ins and saved entries)", [&s](Exchange& ex) {
                auto list = app::indicator_catalogue(s.db, ex.actor);
                if (!list) return problem_response(ex.request, list.problem());
                return json_text_response(ex.request, indicator_catalogue_text(list.value()));
              }});
  router.add({beast_http::verb::get, "/api/v1/indicators/values", Access::roles, kBureau,
              "Indicator values of a region and year (year, region, codes=a,b)", [&s](Exchange& ex) {
                auto values = app::compute_indicators(s.db, ex.actor, request_of(ex));
                if (!values) return problem_response(ex.request, values.problem());
                if (ex.query_value("format") == "xlsx") {
                  const auto& v = values.value();
                  return audited(s, ex, {"indicators", "xlsx", {{"year", v.year}, {"region", v.region}}, static_cast<std::int64_t>(v.values.size())},
                                 sheet_download(ex, "indicators-" + v.region + "-" + std::to_string(v.year) + ".xlsx",
                                                indicator_values_sheet(v, ex.query_value("lang") == "en")));
                }
                return json_text_response(ex.request, indicator_values_text(values.value()));
              }}).heavy();
  router.add({beast_http::verb::get, "/api/v1/assessments", Access::roles, kBureau,
              "The assessment schemes districts are judged by", [&s](Exchange& ex) {
                auto list = app::assessment_schemes(s.db, ex.actor);
                if (!list) return problem_response(ex.request, list.problem());
                return json_text_response(ex.request, std::move(list.value()));
              }});
  router.add({beast_http::verb::get, "/api/v1/assessments/{code}", Access::roles, kBureau,
              "A scheme run over the districts of a city for a year: totals, ranks, grades, vetoes (year, region)",
              [&s](Exchange& ex) {
                app::AssessmentRequest req;
                req.scheme = ex.params.at("code");
                req.year = request_of(ex).year;
                if (const auto region = ex.query_value("region"); !region.empty()) req.region = region;
                auto result = app::run_assessment(s.db, ex.actor, req);
                if (!result) return problem_response(ex.request, result.problem());
                return json_text_response(ex.request, std::move(result.value()));
              }}).heavy();
  router.add({beast_http::verb::get, "/api/v1/indicators/series", Access::roles, kBureau,
              "Indicator values over years with year-on-year change and growth (from, to, region, codes)",
              [&s](Exchange& ex) {
                const auto base = request_of(ex);
                app::SeriesRequest req;
                req.region = base.region;
                req.codes = base.codes;
                try {
                  req.from = std::stoi(ex.query_value("from", "0"));
                  req.to = std::stoi(ex.query_value("to", "0"));
                } catch (const std::exception&) {
                  req.from = req.to = 0;  // refused by the use case's year check
                }
                auto series = app::indicator_series(s.db, ex.actor, req);
                if (!series) return problem_response(ex.request, series.problem());
                return json_text_response(ex.request, indicator_series_text(series.value()));
              }}).heavy();
  router.add({beast_http::verb::get, "/api/v1/indicators/targets", Access::roles, kBureau,
              "Targets inside the caller's scope with their progress (region, year, code)", [&s](Exchange& ex) {
                app::TargetQuery q;
                if (const auto region = ex.query_value("region"); !region.empty()) q.region = region;
                if (const auto code = ex.query_value("code"); !code.empty()) q.code = code;
                if (const auto year = ex.query_value("year"); !year.empty()) {
                  try {
                    q.year = std::stoi(year);
                  } catch (const std::exception&) {
                    q.year = 0;  // no target has year 0
                  }
                }
                auto list = app::list_targets(s.db, ex.actor, q);
                if (!list) return problem_response(ex.request, list.problem());
                boost::json::array items;
                for (const auto& p : list.value()) items.push_back(target_progress_json(p));
                return json_text_response(ex.request, json::to_text(boost::json::object{{"items", std::move(items)}}));
              }}).heavy();
  router.add({beast_http::verb::put, "/api/v1/indicators/targets", Access::roles, kStaff,
              "Set the target of an indicator, region and year (replacing one there)", [&s](Exchange& ex) {
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                auto target = target_from_json(body.value());
                if (!target) return problem_response(ex.request, target.problem());
                auto saved = app::save_target(s.db, ex.actor, std::move(target.value()));
                if (!saved) return problem_response(ex.request, saved.problem());
                return json_text_response(ex.request, json::to_text(target_progress_json(saved.value())));
              }});
  router.add({beast_http::verb::delete_, "/api/v1/indicators/targets/{id}", Access::roles, kStaff, "Delete a target",
              [&s](Exchange& ex) {
                auto id = path_id(ex, "id", app::msg::no_indicator_target);
                if (!id) return problem_response(ex.request, id.problem());
                auto st = app::delete_target(s.db, ex.actor, id.value());
                if (!st) return problem_response(ex.request, st.problem());
                return no_content(ex.request);
              }});
  router.add({beast_http::verb::get, "/api/v1/indicators/{code}/explain", Access::roles, kBureau,
              "The records behind one indicator value (year, region)", [&s](Exchange& ex) {
                auto req = request_of(ex);
                req.codes = {ex.params.at("code")};
                auto e = app::explain_indicator(s.db, ex.actor, req);
                if (!e) return problem_response(ex.request, e.problem());
                if (ex.query_value("format") == "xlsx") {
                  auto sheet = indicator_explanation_sheet(e.value(), ex.query_value("lang") == "en");
                  const auto rows = static_cast<std::int64_t>(sheet.rows.size());
                  return audited(s, ex, {"indicator_records", "xlsx", {{"code", req.codes[0]}, {"year", e->year}, {"region", e->region}}, rows},
                                 sheet_download(ex, req.codes[0] + "-" + e->region + "-" + std::to_string(e->year) + ".xlsx", sheet));
                }
                return json_text_response(ex.request, indicator_explanation_text(e.value()));
              }}).heavy();
  router.add({beast_http::verb::put, "/api/v1/indicators/{code}", Access::roles, kAdmin,
              "Save a catalogue entry (its formula checked first)", [&s](Exchange& ex) {
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                auto def = indicator_def_from_json(ex.params.at("code"), body.value());
                if (!def) return problem_response(ex.request, def.problem());
                auto saved = app::save_indicator(s.db, ex.actor, std::move(def.value()));
                if (!saved) return problem_response(ex.request, saved.problem());
                return json_response(ex.request, beast_http::status::ok, indicator_def_json(saved.value()));
              }});
  router.add({beast_http::verb::delete_, "/api/v1/indicators/{code}", Access::roles, kAdmin,
              "Remove a saved entry (a built-in reverts to its shipped definition)", [&s](Exchange& ex) {
                auto st = app::reset_indicator(s.db, ex.actor, ex.params.at("code"));
                if (!st) return problem_response(ex.request, st.problem());
                return no_content(ex.request);
              }});
}

}  // namespace kc::http
