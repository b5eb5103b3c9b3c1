// `kechuang districts backfill [--region CODE] [--dry-run]`: places the records written before
// kinds had a district of their own (app/registry/district_backfill) and prints, by kind, how
// many took their enterprise's district, how many the one named, and how many are left. Exit
// status 1 for a bad region code, 2 when the database cannot be opened or written.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "app/registry/district_backfill.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"

namespace kc::cli {
namespace {

struct BackfillOptions {
  std::string db;
  std::string region;
  bool dry_run = false;
};

void run_backfill(const BackfillOptions& o) {
  std::unique_ptr<store::Database> db;
  try {
    db = open_migrated(o.db, 2);
  } catch (const std::exception& e) {
    std::cerr << "kechuang districts backfill: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
  app::DistrictBackfill request;
  if (!o.region.empty()) request.region = o.region;
  request.dry_run = o.dry_run;
  try {
    auto result = app::backfill_districts(*db, app::Actor::system("cli"), request);
    if (!result) {
      const auto& p = result.problem();
      std::cerr << "kechuang districts backfill: " << p.title << (p.detail.empty() ? "" : ": " + p.detail) << "\n";
      for (const auto& e : p.errors) std::cerr << "  --" << e.field << ": " << e.message << "\n";
      throw CLI::RuntimeError(1);
    }
    std::cout << (o.dry_run ? "Would place" : "Placed") << " (kind, from enterprise, by --region, left):\n";
    for (const auto& [kind, c] : result.value()) {
      if (c.from_enterprise + c.by_default + c.left == 0) continue;
      std::cout << "  " << std::left << std::setw(26) << kind << std::right << std::setw(8) << c.from_enterprise
                << std::setw(8) << c.by_default << std::setw(8) << c.left << "\n";
    }
  } catch (const store::DbError& e) {
    std::cerr << "kechuang districts backfill: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace

void add_districts_command(CLI::App& app) {
  auto* districts = app.add_subcommand("districts", "Districts of the installation");
  districts->require_subcommand(1);
  auto o = std::make_shared<BackfillOptions>();
  auto* backfill = districts->add_subcommand(
      "backfill", "Place records without a district: in their enterprise's, else in --region's");
  add_database_option(*backfill, o->db);
  backfill->add_option("--region", o->region, "District (6 digits) for records that name no enterprise");
  backfill->add_flag("--dry-run", o->dry_run, "Count what would be placed; write nothing");
  backfill->callback([o] { run_backfill(*o); });
}

}  // namespace kc::cli
