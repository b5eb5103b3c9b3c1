// Importing registry records from CSV (UTF-8 or GB18030) or XLSX: every row checked with the
// kind's declaration, errors by row, column, value and reason, a dry run that writes nothing, and
// a commit that is all-or-nothing and idempotent on the kind's natural key.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "domain/registry_kind.hpp"
#include "store/database.hpp"

namespace kc::app {

struct ImportOptions {
  bool dry_run = false;
  // Without it a row whose natural key exists must match the stored record (it is then counted
  // unchanged, so importing a file twice is harmless); with it such rows update the record.
  bool update = false;
  // The file size limit. 64 MiB suits uploads, which arrive whole in memory (the server's
  // --max-body-mb caps them first); the CLI streams UTF-8 CSV from disk and sets its own
  // (`kechuang import --max-bytes`, default kCliMaxBytes).
  std::size_t max_bytes = 64ull << 20;
  std::size_t max_rows = 1'000'000;
  // What the import reads, as /health and a writer it locks out are told: a file's name, or
  // "upload" when empty (import_records_file uses the file's name).
  std::string source;
  // Who started it, for the same readers; empty: the actor's username.
  std::string started_by;
  // Called with the rows read so far every progress_rows rows or progress_seconds seconds,
  // whichever comes first (the CLI prints it); the import runs' table gets the figure too.
  std::function<void(std::size_t rows)> on_progress;
  std::size_t progress_rows = 100'000;
  int progress_seconds = 10;
};

// The CLI's default file limit: a 27-column enterprise-years file of max_rows rows is ≈ 190 MB.
inline constexpr std::size_t kCliMaxBytes = 1ull << 30;

struct ImportError {
  std::size_t row = 0;  // as a spreadsheet shows it: the header is row 1
  std::string column;
  std::string value;
  std::string reason;  // the English rendering, for the CLI and the errors workbook
  std::string code{};  // domain/field_messages.hpp, with params for the web to translate
  MessageParams params{};
};

struct ImportSummary {
  std::string format;  // "csv (UTF-8)", "csv (GB18030)", "xlsx"
  std::size_t rows = 0;
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::vector<ImportError> errors;  // the first 1,000
  std::size_t error_count = 0;
  bool committed = false;
};

// File-level failures (unreadable, too large, not a table, no permission) are a Problem; row
// problems are listed in the summary and nothing is written.
Outcome<ImportSummary> import_records(store::Database& db, const Actor& actor,
                                      const domain::KindDef& kind, std::string_view bytes,
                                      const ImportOptions& options);
// The same for a file on disk (the CLI). A UTF-8 CSV is streamed, so memory does not grow with
// the file; XLSX, GB18030 and UTF-16 files are read whole.
Outcome<ImportSummary> import_records_file(store::Database& db, const Actor& actor,
                                           const domain::KindDef& kind, const std::string& path,
                                           const ImportOptions& options);

}  // namespace kc::app
