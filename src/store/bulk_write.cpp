#include "store/bulk_write.hpp"

namespace kc::store {

void begin_read(Connection& conn) { conn.exec_script("BEGIN"); }

BulkWriteSettings::BulkWriteSettings(Connection& conn) : conn_(conn) {
  if (conn_.dialect() == Dialect::sqlite) conn_.exec_script("PRAGMA temp_store = MEMORY");
}

BulkWriteSettings::~BulkWriteSettings() {
  if (conn_.dialect() != Dialect::sqlite) return;
  try {
    conn_.exec_script("PRAGMA temp_store = DEFAULT");
  } catch (...) {
    // A broken connection is dropped by the pool on return; nothing to restore then.
  }
}

void wait_for_row_locks(Connection& conn) {
  if (conn.dialect() == Dialect::postgresql) conn.exec_script("SET LOCAL lock_timeout = 0");
}

void refresh_statistics(Connection& conn, const std::string& table) {
  if (conn.dialect() == Dialect::sqlite) {
    conn.exec_script("PRAGMA analysis_limit = 1000; ANALYZE " + table + "; PRAGMA analysis_limit = 0");
  } else {
    conn.exec_script("ANALYZE " + table);
  }
}

}  // namespace kc::store
