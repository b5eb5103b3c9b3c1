// Imports that failed: an import whose rows had errors writes nothing (it is all or nothing), so
// without a record the attempt would leave no trace. Each failed import (not a dry run, which is
// only a check) is written to the audit log as `<kind>.import_failed` with the file's name, format,
// SHA-256, row and error counts and its first errors; the staff home page's 待办 lists the recent
// ones, each user their own (an unscoped administrator everyone's), so they are fixed and
// imported again.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/registry/import/registry_import.hpp"
#include "store/database.hpp"

namespace kc::app {

// How far back the home page looks, and how many it lists.
inline constexpr int kFailedImportDays = 30;
inline constexpr std::int64_t kFailedImportsListed = 10;

// Records a failed import in the audit log, in a transaction of its own (the import's was rolled back).
void record_failed_import(store::Database& db, const Actor& actor, const domain::KindDef& kind,
                          const ImportSummary& summary, const std::string& source, const std::string& sha256);

struct FailedImport {
  std::int64_t audit_id = 0;
  std::string at;
  std::string actor;
  std::string kind;  // the kind's name
  std::string source;
  std::int64_t rows = 0;
  std::int64_t error_count = 0;
  std::vector<ImportError> first_errors;
};

// The failed imports of the last kFailedImportDays days, newest first: the actor's own, or every
// user's for an administrator of the whole installation. For those who import (admin, staff).
Outcome<std::vector<FailedImport>> recent_failed_imports(store::Database& db, const Actor& actor);

}  // namespace kc::app
