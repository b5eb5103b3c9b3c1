#include "app/cultivation.hpp"
#include "domain/timestamp.hpp"
#include "http/api.hpp"
#include "http/scratch_file.hpp"
#include "io/xlsx_writer.hpp"


namespace kc::http {
namespace {

const app::RoleSet kBureau{app::Role::admin, app::Role::staff, app::Role::reviewer, app::Role::viewer};

// The pipeline's list as an XLSX download.
Response pipeline_xlsx(const Exchange& ex, const boost::json::object& body) {
  ScratchFile file;
  auto writer = io::XlsxWriter::create(file.path(), "hte-pipeline",
                                       {{"enterprise_id", 12}, {"credit_code", 22}, {"name", 30}, {"category", 14},
                                        {"verdict", 16}, {"failed", 14}, {"gaps", 80}});
  if (!writer) return problem_response(ex.request, {500, "internal", "Export failed", writer.error().message, {}});
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
    writer->write_row({static_cast<double>(o.at("enterprise_id").as_int64()), std::string(o.at("credit_code").as_string()),
                       std::string(o.at("name").as_string()), std::string(o.at("category").as_string()), verdict,
                       failed, gaps});
  }
  if (auto st = writer->close(); !st) {
    return problem_response(ex.request, {500, "internal", "Export failed", st.error().message, {}});
  }
  return download(ex.request, file.read(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "hte-pipeline.xlsx");
}

}  // namespace

void add_cultivation_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/cultivation/hte", Access::roles, kBureau,
              "HTE cultivation pipeline over the registry (as_of, format=json|xlsx)", [&s](Exchange& ex) {
                const std::string today = domain::to_iso_utc(domain::now_epoch_seconds()).substr(0, 10);
                auto result = app::run_hte_pipeline(s.db, ex.actor, ex.query_value("as_of", today));
                if (!result) return problem_response(ex.request, result.problem());
                if (ex.query_value("format") == "xlsx") return pipeline_xlsx(ex, result.value());
                return json_response(ex.request, beast_http::status::ok, result.value());
              }});
  router.add({beast_http::verb::get, "/api/v1/cultivation/deadlines", Access::roles, kBureau,
              "Deadlines of a year: expiring HTE certificates, SME update, HTE annual report", [&s](Exchange& ex) {
                int year = 0;
                try {
                  year = std::stoi(ex.query_value("year", domain::to_iso_utc(domain::now_epoch_seconds()).substr(0, 4)));
                } catch (const std::exception&) {
                }
                auto result = app::cultivation_deadlines(s.db, ex.actor, year);
                return respond(ex, result, [&](boost::json::object& o) {
                  return json_response(ex.request, beast_http::status::ok, o);
                });
              }});
}

}  // namespace kc::http
