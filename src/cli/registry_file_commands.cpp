// `kechuang import`, `kechuang export` and `kechuang template`: registry files from the shell.
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/registry/import/registry_import.hpp"
#include "app/registry/registry_export.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"
#include "domain/registry_kinds.hpp"
#include "io/csv.hpp"
#include "io/registry_template.hpp"
#include "io/xlsx_writer.hpp"

namespace kc::cli {
namespace {

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const auto& k : domain::registry_kinds()) names.push_back(k.name);
  return names;
}

std::string kinds_help() {
  std::string text = "KIND is one of:\n";
  for (const auto& k : domain::registry_kinds()) text += "  " + k.name + "  (" + k.zh + " / " + k.en + ")\n";
  return text;
}

// The operating-system account running the command, for the import runs' "started by".
std::string os_user() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  return "uid " + std::to_string(::geteuid());
}

[[noreturn]] void fail(const std::string& message, int status = 1) {
  std::cerr << "kechuang: " << message << "\n";
  throw CLI::RuntimeError(status);
}

void write_errors_xlsx(const app::ImportSummary& s, const std::string& path) {
  auto writer = io::XlsxWriter::create(path, "errors", {{"row", 8}, {"column", 20}, {"value", 30}, {"reason", 60}});
  if (!writer) fail(writer.error().message);
  for (const auto& e : s.errors) {
    writer->write_row({static_cast<double>(e.row), e.column, e.value, e.reason});
  }
  if (auto st = writer->close(); !st) fail(st.error().message);
}

struct FileOptions {
  std::string db, kind, file, out, errors_out, q;
  std::string headers = "names";
  bool dry_run = false, update = false;
  std::size_t max_bytes = app::kCliMaxBytes;
  std::vector<std::string> filters;
};

void run_import(const FileOptions& o) {
  const auto* kind = domain::find_kind(o.kind);
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(o.file, ec); !ec && size > o.max_bytes) {
    fail(o.file + " has " + std::to_string(size) + " bytes, more than the limit of " +
         std::to_string(o.max_bytes) + " bytes (--max-bytes); nothing was imported");
  }
  auto db = open_migrated(o.db, 2);
  app::ImportOptions options;
  options.dry_run = o.dry_run;
  options.update = o.update;
  options.max_bytes = o.max_bytes;
  options.started_by = "cli (" + os_user() + ")";
  // Progress goes to standard error, so standard output stays the summary.
  const auto started = std::chrono::steady_clock::now();
  options.on_progress = [&](std::size_t rows) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char line[160];
    std::snprintf(line, sizeof line, "kechuang: import %s: %zu rows read in %.1f s%s\n",
                  kind->name.c_str(), rows, seconds, o.dry_run ? " (dry run)" : "");
    std::cerr << line << std::flush;
  };
  // Read from disk as the import goes (a UTF-8 CSV is streamed), not loaded whole first.
  auto result = [&]() -> app::Outcome<app::ImportSummary> {
    try {
      return app::import_records_file(*db, app::Actor::system("cli"), *kind, o.file, options);
    } catch (const store::DbError& e) {
      if (e.kind() == store::DbError::Kind::import_in_progress) {
        fail("the database is locked for writing by " + e.detail() +
             "; nothing was imported, try again when it ends");
      }
      if (e.kind() == store::DbError::Kind::storage_full) {
        fail("the database is full (its disk, or the KECHUANG_SQLITE_MAX_PAGES quota): " +
             std::string(e.what()) + "; nothing was imported");
      }
      throw;
    }
  }();
  if (!result) fail(result.problem().detail + "; nothing was imported");
  const auto& s = result.value();
  std::cout << o.file << ": " << s.format << ", " << s.rows << " rows\n";
  if (s.error_count > 0) {
    std::cout << s.error_count << " error" << (s.error_count == 1 ? "" : "s") << "; nothing was imported:\n";
    std::size_t shown = 0;
    for (const auto& e : s.errors) {
      if (++shown > 50) {
        std::cout << "  … (" << s.error_count - 50 << " more" << (o.errors_out.empty() ? "; use --errors-out FILE.xlsx" : "") << ")\n";
        break;
      }
      std::cout << "  row " << e.row << ", column " << e.column;
      if (!e.value.empty()) std::cout << ", value \"" << e.value << "\"";
      std::cout << ": " << e.reason << "\n";
    }
    if (!o.errors_out.empty()) write_errors_xlsx(s, o.errors_out);
    throw CLI::RuntimeError(1);
  }
  std::cout << (s.committed ? "Imported: " : "Dry run, nothing written: ") << s.created << " new, " << s.updated
            << " updated, " << s.unchanged << " unchanged.\n";
}

void run_export(const FileOptions& o) {
  const auto* kind = domain::find_kind(o.kind);
  auto db = open_migrated(o.db, 2);
  app::RecordList filter;
  filter.q = o.q;
  for (const auto& f : o.filters) {
    const auto eq = f.find('=');
    if (eq == std::string::npos) fail("--filter takes FIELD=VALUE, not " + f);
    filter.filters[f.substr(0, eq)] = f.substr(eq + 1);
  }
  const auto actor = app::Actor::system("cli");
  app::Status status = app::done();
  if (o.out.ends_with(".xlsx")) {
    status = app::export_records_xlsx(*db, actor, *kind, filter, o.out, *domain::parse_header_language(o.headers));
  } else if (o.out.ends_with(".csv")) {
    // Written to a temporary file and renamed, so a failed export leaves no partial file behind.
    const std::string tmp = o.out + ".partial";
    std::ofstream out(tmp, std::ios::binary);
    if (!out) fail("cannot write " + o.out);
    status = app::export_records_csv(*db, actor, *kind, filter, out, *domain::parse_header_language(o.headers));
    out.close();
    if (status && out) std::filesystem::rename(tmp, o.out);
    else std::filesystem::remove(tmp);
  } else {
    fail("--out must end in .csv or .xlsx");
  }
  if (!status) {
    std::string detail = status.problem().detail;
    for (const auto& e : status.problem().errors) detail += "\n  " + e.field + ": " + e.message;
    fail(detail);
  }
  std::cout << "Exported " << kind->name << " to " << o.out << "\n";
}

}  // namespace

void add_registry_file_commands(CLI::App& app) {
  auto o = std::make_shared<FileOptions>();
  auto names = kind_names();

  auto* import = app.add_subcommand("import", "Import registry records from CSV (UTF-8 or GB18030) or XLSX");
  add_database_option(*import, o->db);
  import->add_option("KIND", o->kind, "Kind of record")->required()->check(CLI::IsMember(names));
  import->add_option("FILE", o->file, "The .csv or .xlsx file")->required()->check(CLI::ExistingFile);
  import->add_flag("--dry-run", o->dry_run, "Check every row and report, writing nothing");
  import->add_flag("--update", o->update, "Update records whose natural key exists (otherwise they must match)");
  import->add_option("--errors-out", o->errors_out, "Write the row errors to this .xlsx file");
  import->add_option("--max-bytes", o->max_bytes,
                     "Largest file accepted, in bytes or with a unit (500MB, 2GiB); default 1 GiB. "
                     "Uploads over HTTP have their own limit (serve --max-body-mb, at most 64 MiB)")
      ->transform(CLI::AsSizeValue(false));
  import->footer(kinds_help());
  import->callback([o] { run_import(*o); });

  auto* exporter = app.add_subcommand("export", "Export registry records to CSV or XLSX (by --out's extension)");
  add_database_option(*exporter, o->db);
  exporter->add_option("KIND", o->kind, "Kind of record")->required()->check(CLI::IsMember(names));
  exporter->add_option("--out", o->out, "The .csv or .xlsx file to write")->required();
  exporter->add_option("--q", o->q, "Free-text search");
  exporter->add_option("--filter", o->filters, "FIELD=VALUE for a filterable field (repeatable)");
  const auto header_choice = CLI::IsMember({"names", "zh", "en"});
  exporter->add_option("--headers", o->headers, "Header row: field names, or labels with units in zh or en")
      ->capture_default_str()
      ->check(header_choice);
  exporter->footer(kinds_help());
  exporter->callback([o] { run_export(*o); });

  auto* tmpl = app.add_subcommand("template", "Write the XLSX import template of a kind");
  tmpl->add_option("KIND", o->kind, "Kind of record")->required()->check(CLI::IsMember(names));
  tmpl->add_option("--out", o->out, "The .xlsx file to write")->required();
  tmpl->add_option("--headers", o->headers, "Header row: field names, or labels with units in zh or en")
      ->capture_default_str()
      ->check(header_choice);
  tmpl->footer(kinds_help());
  tmpl->callback([o] {
    const auto* kind = domain::find_kind(o->kind);
    if (auto s = io::write_registry_template(*kind, o->out, *domain::parse_header_language(o->headers)); !s) fail(s.error().message);
    std::cout << "Wrote the " << kind->name << " template to " << o->out << "\n";
  });
}

}  // namespace kc::cli
