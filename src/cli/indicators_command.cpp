// `kechuang indicators compute|explain` (spec indicators.md §2): the indicator values of a region
// and year from the registry, or the records behind one value, as JSON (the API's bytes), CSV or
// XLSX; `kechuang indicators home --region CODE` names the district computed by default. Exit
// status 1 for an unknown code, a year without data, a bad region or a formula in error; 2 when the
// database cannot be opened or a file cannot be written.
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "app/indicators/indicator_service.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"
#include "cli/files.hpp"
#include "http/indicator_json.hpp"
#include "http/indicator_xlsx.hpp"
#include "io/csv_out.hpp"
#include "io/xlsx_writer.hpp"

namespace kc::cli {
namespace {

struct IndicatorOptions {
  std::string db;
  int year = 0;
  std::string region;
  std::string codes;
  std::string code;
  std::string format = "json";
  std::string out;
};

[[noreturn]] void fail(const char* what, const app::Problem& p) {
  std::cerr << "kechuang indicators " << what << ": " << p.title << (p.detail.empty() ? "" : ": " + p.detail) << "\n";
  for (const auto& e : p.errors) std::cerr << "  " << e.field << ": " << e.message << "\n";
  throw CLI::RuntimeError(1);
}

std::unique_ptr<store::Database> open(const char* what, const std::string& db) {
  try {
    return open_migrated(db, 2);
  } catch (const std::exception& e) {
    std::cerr << "kechuang indicators " << what << ": " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
}

app::IndicatorRequest request_of(const IndicatorOptions& o) {
  app::IndicatorRequest r;
  r.year = o.year;
  if (!o.region.empty()) r.region = o.region;
  std::stringstream codes(o.codes);
  for (std::string c; std::getline(codes, c, ',');) {
    if (!c.empty()) r.codes.push_back(c);
  }
  if (!o.code.empty()) r.codes = {o.code};
  return r;
}

void emit(const char* what, const IndicatorOptions& o, const std::string& text) {
  if (o.out.empty()) {
    std::cout << text << (text.ends_with('\n') ? "" : "\n");
    return;
  }
  std::string error;
  if (!write_atomically(o.out, text, error)) {
    std::cerr << "kechuang indicators " << what << ": " << error << "\n";
    throw CLI::RuntimeError(2);
  }
}

void write_xlsx(const char* what, const IndicatorOptions& o, const http::XlsxSheet& sheet) {
  if (o.out.empty()) {
    std::cerr << "kechuang indicators " << what << ": --format xlsx needs --out FILE\n";
    throw CLI::RuntimeError(1);
  }
  auto writer = io::XlsxWriter::create(o.out, "indicators", sheet.columns);
  domain::Status st = writer ? domain::ok() : domain::Status(writer.error());
  for (std::size_t i = 0; st && i < sheet.rows.size(); ++i) st = writer.value().write_row(sheet.rows[i]);
  if (st) st = writer.value().close();
  if (!st) {
    std::cerr << "kechuang indicators " << what << ": " << st.error().message << "\n";
    throw CLI::RuntimeError(2);
  }
}

void run_compute(const IndicatorOptions& o) {
  auto db = open("compute", o.db);
  auto values = app::compute_indicators(*db, app::Actor::system("cli"), request_of(o));
  if (!values) fail("compute", values.problem());
  const auto& v = values.value();
  if (o.format == "json") return emit("compute", o, http::indicator_values_text(v));
  if (o.format == "csv") {
    std::ostringstream text;
    io::CsvOut csv(text);
    csv.row({"code", "name", "value", "unit", "records", "updated_at", "year", "region"});
    for (const auto& x : v.values) {
      csv.row({x.def.code, x.def.zh, x.value.value_or(""), x.def.unit, std::to_string(x.records), x.updated_at,
               std::to_string(v.year), v.region});
    }
    return emit("compute", o, text.str());
  }
  write_xlsx("compute", o, http::indicator_values_sheet(v, false));
}

void run_explain(const IndicatorOptions& o) {
  auto db = open("explain", o.db);
  auto e = app::explain_indicator(*db, app::Actor::system("cli"), request_of(o));
  if (!e) fail("explain", e.problem());
  if (o.format == "json") return emit("explain", o, http::indicator_explanation_text(e.value()));
  write_xlsx("explain", o, http::indicator_explanation_sheet(e.value(), false));
}

void run_home(const IndicatorOptions& o) {
  auto db = open("home", o.db);
  auto st = app::set_home_region(*db, app::Actor::system("cli"), o.region);
  if (!st) fail("home", st.problem());
  std::cout << "Home district: " << o.region << "\n";
}

}  // namespace

void add_indicators_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("indicators", "Indicators computed from the registry (spec indicators.md)");
  cmd->require_subcommand(1);
  auto o = std::make_shared<IndicatorOptions>();

  auto* compute = cmd->add_subcommand("compute", "Indicator values of a region and year");
  add_database_option(*compute, o->db);
  compute->add_option("--year", o->year, "Year")->required();
  compute->add_option("--region", o->region, "District, city or province code (default: the home district)");
  compute->add_option("--codes", o->codes, "Comma-separated indicator codes (default: the whole catalogue)");
  compute->add_option("--format", o->format, "json, csv or xlsx")->check(CLI::IsMember({"json", "csv", "xlsx"}));
  compute->add_option("--out", o->out, "Output file (default: standard output; required for xlsx)");
  compute->callback([o] { run_compute(*o); });

  auto* explain = cmd->add_subcommand("explain", "The records behind one indicator value");
  add_database_option(*explain, o->db);
  explain->add_option("--year", o->year, "Year")->required();
  explain->add_option("--code", o->code, "Indicator code")->required();
  explain->add_option("--region", o->region, "District, city or province code (default: the home district)");
  explain->add_option("--format", o->format, "json or xlsx")->check(CLI::IsMember({"json", "xlsx"}));
  explain->add_option("--out", o->out, "Output file (default: standard output; required for xlsx)");
  explain->callback([o] { run_explain(*o); });

  auto* home = cmd->add_subcommand("home", "Set the district computed when no region is named");
  add_database_option(*home, o->db);
  home->add_option("--region", o->region, "District code (6 digits)")->required();
  home->callback([o] { run_home(*o); });
}

}  // namespace kc::cli
