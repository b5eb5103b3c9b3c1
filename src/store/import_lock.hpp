// Long imports announce themselves, so that a writer who meets the lock they hold, and /health,
// can say which import it is, who started it, since when and how far it has got.
//
// An import registers a row in `import_runs` (committed before its long transaction writes
// anything) and keeps a heartbeat with its rows read every kImportHeartbeatSeconds from a second
// connection; the row is deleted when the import ends. A row whose heartbeat is older than
// kImportStaleSeconds, or whose process is gone (same host), is ignored: a killed import never
// blocks anyone. Where the table lives:
// - PostgreSQL: in the database itself (migration 5); row locks let the heartbeat through.
// - SQLite: in a companion file beside the database, `<file>-imports`, because SQLite's write
//   lock covers the whole file, so no connection could record progress in it during the import.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

inline constexpr std::int64_t kImportHeartbeatSeconds = 2;
inline constexpr std::int64_t kImportStaleSeconds = 30;

struct ImportRun {
  std::int64_t id = 0;
  std::string kind;        // the registry kind
  std::string source;      // a file's name, or "upload"
  std::string actor;       // who started it
  std::string started_at;  // ISO-8601 UTC
  std::int64_t heartbeat_at = 0;
  std::int64_t pid = 0;
  std::string host;
  std::int64_t rows_done = 0;
};

// The table, for `dialect` (migration 5 on PostgreSQL; the companion file on SQLite).
std::string import_runs_table_sql(Dialect dialect);

// The companion file of a SQLite database ("" for an in-memory one).
std::string sqlite_import_runs_path(const std::string& sqlite_path);

// The live runs in a connection that holds the table (stale and dead ones left out).
std::vector<ImportRun> live_import_runs(Connection& conn);
// The live runs recorded in a SQLite companion file; none when the file does not exist.
std::vector<ImportRun> live_import_runs_at(const std::string& companion_path);
// The live runs of `db`, whichever dialect.
std::vector<ImportRun> live_import_runs(Database& db);

// One sentence for people: "an import of enterprises from big.csv by admin, running since
// 2026-12-02T11:20:00Z, 120000 rows read so far".
std::string describe_import(const ImportRun& run);

// Registers an import for the lifetime of the object: the row, then a heartbeat thread carrying
// the rows read (set_rows, cheap enough to call for every row); the row is deleted at the end.
// Registration failures are swallowed: the import itself does not depend on them.
class ImportRunRecord {
 public:
  ImportRunRecord(Database& db, std::string kind, std::string source, std::string actor);
  ~ImportRunRecord();
  ImportRunRecord(const ImportRunRecord&) = delete;
  ImportRunRecord& operator=(const ImportRunRecord&) = delete;
  void set_rows(std::size_t rows) noexcept;
  // Deletes the row and stops the heartbeat now (the destructor does it otherwise).
  void finish() noexcept;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace kc::store
