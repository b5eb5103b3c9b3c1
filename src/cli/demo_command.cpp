// `kechuang demo --db FILE [--seed N] [--scale N] [--districts N]`: writes the demo district and
// its peer districts (app/demo) into an empty registry and prints what it wrote. Exit status 1 for a registry that already
// holds enterprises or a scale out of range, 2 when the database cannot be opened or written.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "app/demo/demo_district.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"

namespace kc::cli {
namespace {

struct DemoCommandOptions {
  std::string db;
  std::uint64_t seed = app::DemoOptions{}.seed;
  std::int64_t scale = app::DemoOptions{}.enterprises;
  int districts = app::DemoOptions{}.districts;
};

void run_demo(const DemoCommandOptions& o) {
  std::unique_ptr<store::Database> db;
  try {
    db = open_migrated(o.db, 2);
  } catch (const std::exception& e) {
    std::cerr << "kechuang demo: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
  app::DemoOptions options;
  options.seed = o.seed;
  options.enterprises = o.scale;
  options.districts = o.districts;
  try {
    auto result = app::generate_demo_district(*db, options);
    if (!result) {
      const auto& p = result.problem();
      std::cerr << "kechuang demo: " << p.title << (p.detail.empty() ? "" : ": " + p.detail)
                << "\n";
      for (const auto& e : p.errors) std::cerr << "  --" << e.field << ": " << e.message << "\n";
      throw CLI::RuntimeError(1);
    }
    const auto& s = result.value();
    std::int64_t total = 0;
    std::cout << "Demo district " << s.district_code << " (seed " << o.seed << ") written to "
              << o.db;
    if (!s.peer_districts.empty()) {
      std::cout << " with " << s.peer_districts.size() << " peer districts (";
      for (std::size_t i = 0; i < s.peer_districts.size(); ++i) std::cout << (i ? " " : "") << s.peer_districts[i];
      std::cout << ")";
    }
    std::cout << ":\n";
    for (const auto& [kind, n] : s.records) {
      std::cout << "  " << std::left << std::setw(26) << kind << std::right << std::setw(10) << n
                << "\n";
      total += n;
    }
    std::cout << "  " << std::left << std::setw(26) << "total" << std::right << std::setw(10)
              << total << "\n"
              << std::fixed << std::setprecision(1) << "in " << s.seconds << " s\n";
  } catch (const store::DbError& e) {
    std::cerr << "kechuang demo: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto o = std::make_shared<DemoCommandOptions>();
  auto* cmd = app.add_subcommand(
      "demo", "Write the demo district and its peer districts (2009–2014 registry) into an empty database");
  add_database_option(*cmd, o->db);
  cmd->add_option("--seed", o->seed, "Random seed; the same seed writes the same district")
      ->capture_default_str();
  cmd->add_option("--scale", o->scale, "Number of enterprises (benchmarks: up to 1,000,000)")
      ->capture_default_str()
      ->check(CLI::Range(app::kDemoMinEnterprises, app::kDemoMaxEnterprises));
  cmd->add_option("--districts", o->districts,
                  "Peer districts of the same city (then province) with records of their own")
      ->capture_default_str()
      ->check(CLI::Range(0, app::demo_max_peer_districts()));
  cmd->callback([o] { run_demo(*o); });
}

}  // namespace kc::cli
