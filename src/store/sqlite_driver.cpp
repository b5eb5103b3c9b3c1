#include "store/sqlite_driver.hpp"

#include <sqlite3.h>

#include <sys/stat.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <algorithm>
#include <list>
#include <stdexcept>
#include <unordered_map>

#include "store/import_lock.hpp"
#include "store/storage_alarm.hpp"

namespace kc::store {
namespace {

DbError sqlite_error(sqlite3* db, int rc, std::string_view what, const std::string& blocking = {}) {
  const int extended = db ? sqlite3_extended_errcode(db) : rc;
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  DbError::Kind kind = sqlite_error_kind(extended);
  if ((rc & 0xff) == SQLITE_BUSY) kind = DbError::Kind::unavailable;
  if (kind == DbError::Kind::unavailable && !blocking.empty()) {
    return DbError(DbError::Kind::import_in_progress, message + " by " + blocking, blocking);
  }
  note_storage_failure(kind);
  return DbError(kind, message);
}

// The busy timeout: how long a writer waits for the write lock when no import holds it.
constexpr auto kBusyTimeout = std::chrono::seconds(10);

std::int64_t quota_from_environment() {
  const char* env = std::getenv("KECHUANG_SQLITE_MAX_PAGES");
  if (!env || !*env) return 0;
  std::int64_t pages = 0;
  const auto [end, ec] = std::from_chars(env, env + std::char_traits<char>::length(env), pages);
  if (ec != std::errc{} || *end != '\0' || pages < 0) {
    throw DbError(DbError::Kind::other, "KECHUANG_SQLITE_MAX_PAGES must be a whole number of pages");
  }
  return pages;
}

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) throw sqlite_error(db, rc, "prepare");
    // Map "$N" names to parameter positions once, so $2 may appear before $1 in the text.
    const int count = sqlite3_bind_parameter_count(stmt_);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt_, i);
      int number = 0;
      if (name && name[0] == '$') {
        std::from_chars(name + 1, name + std::char_traits<char>::length(name), number);
      }
      if (number <= 0) throw DbError(DbError::Kind::other, "parameters must be written $1, $2, …");
      slots_.push_back(number - 1);
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite3_stmt* bind(sqlite3* db, const Params& params) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      const std::size_t p = static_cast<std::size_t>(slots_[i]);
      if (p >= params.size()) throw DbError(DbError::Kind::other, "missing SQL parameter $" + std::to_string(p + 1));
      const int pos = static_cast<int>(i + 1);
      const Value& v = params[p];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(stmt_, pos);
      else if (auto n = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(stmt_, pos, *n);
      else if (auto d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt_, pos, *d);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt_, pos, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) throw sqlite_error(db, rc, "bind");
    }
    return stmt_;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::vector<int> slots_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, const SqliteOptions& options)
      : path_(path),
        imports_path_(options.watch_imports ? sqlite_import_runs_path(path) : ""),
        cache_capacity_(std::max<std::size_t>(1, options.statement_cache)) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
      DbError error = sqlite_error(db_, rc, "open " + path);
      sqlite3_close(db_);
      throw error;
    }
    sqlite3_busy_handler(db_, &SqliteConnection::on_busy, this);
    exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    if (options.max_pages > 0) {
      exec_script("PRAGMA max_page_count = " + std::to_string(options.max_pages));
    }
  }
  ~SqliteConnection() override {
    by_text_.clear();
    lru_.clear();
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  void exec_script(std::string_view sql) override {
    blocking_import_.clear();
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      DbError base = sqlite_error(db_, rc, "exec", blocking_import_);
      if (base.kind() == DbError::Kind::import_in_progress) throw base;
      throw DbError(base.kind(), "exec: " + text);
    }
  }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    blocking_import_.clear();
    const auto held = statement(sql);  // kept alive until the rows are read, even if evicted meanwhile
    sqlite3_stmt* stmt = held->bind(db_, params);
    std::vector<Row> rows;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw step_error(rc);
      std::vector<Value> cells;
      cells.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) cells.push_back(column(stmt, c));
      rows.emplace_back(std::move(cells));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    blocking_import_.clear();
    const auto held = statement(sql);
    sqlite3_stmt* stmt = held->bind(db_, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) throw step_error(rc);
    sqlite3_reset(stmt);
    const auto changed = sqlite3_changes64(db_);
    if (changed > 0 && !imports_path_.empty() && sqlite3_get_autocommit(db_)) note_storage_ok();
    return changed;
  }

  void begin() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override {
    exec_script("COMMIT");
    // The companion file (no imports_path_) is not the database /health reports on.
    if (!imports_path_.empty()) note_storage_ok();
  }
  void rollback() override {
    if (sqlite3_get_autocommit(db_)) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    // A large transaction that failed (a full disk, a refused import) leaves its pages in the
    // WAL, which no commit will checkpoint: give the space back now rather than at restart.
    struct stat st {};
    if (::stat((path_ + "-wal").c_str(), &st) == 0 && st.st_size > kCheckpointAfterRollback) {
      sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    }
  }
  bool healthy() override { return sqlite3_get_autocommit(db_) != 0; }

 private:
  // The prepared statement for `sql`, from the cache or newly prepared, now the most recently used.
  // Callers hold the shared_ptr while they step it: a statement evicted meanwhile (by a nested
  // use of this connection) is finalized only when its last user lets go.
  std::shared_ptr<Statement> statement(std::string_view sql) {
    auto key = std::string(sql);
    if (auto it = by_text_.find(key); it != by_text_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->second;
    }
    auto prepared = std::make_shared<Statement>(db_, sql);  // throws before the cache changes
    ++prepared_;
    lru_.emplace_front(key, prepared);
    by_text_.emplace(std::move(key), lru_.begin());
    while (lru_.size() > cache_capacity_) {
      by_text_.erase(lru_.back().first);
      lru_.pop_back();
    }
    return prepared;
  }

  DbError step_error(int rc) { return sqlite_error(db_, rc, "step", blocking_import_); }

  // Waits for the write lock like sqlite3_busy_timeout, but first (and every second) asks the
  // companion file whether a live import holds it; if one does, stops waiting at once so the
  // writer can say which import it is.
  static int on_busy(void* self_ptr, int count) {
    auto* self = static_cast<SqliteConnection*>(self_ptr);
    const auto now = std::chrono::steady_clock::now();
    if (count == 0) self->busy_since_ = now;
    if (!self->imports_path_.empty() &&
        (count == 0 || now - self->last_import_check_ >= std::chrono::seconds(1))) {
      self->last_import_check_ = now;
      try {
        const auto runs = live_import_runs_at(self->imports_path_);
        if (!runs.empty()) {
          self->blocking_import_ = describe_import(runs.front());
          return 0;
        }
      } catch (const std::exception&) {
        // No word from the companion file: wait as usual.
      }
    }
    if (now - self->busy_since_ >= kBusyTimeout) return 0;
    sqlite3_sleep(count < 5 ? 1 : count < 20 ? 5 : 20);
    return 1;
  }

  static constexpr off_t kCheckpointAfterRollback = 1 << 20;

  static Value column(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_NULL: return std::monostate{};
      case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, c));
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, c);
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  std::string path_;
  std::string imports_path_;  // empty: do not look for imports when busy
  std::string blocking_import_;  // the import that made the last statement give up waiting
  std::chrono::steady_clock::time_point busy_since_{}, last_import_check_{};
  sqlite3* db_ = nullptr;
  // The statement cache: most recently used first, and an index by SQL text into it.
  using Cached = std::pair<std::string, std::shared_ptr<Statement>>;
  std::size_t cache_capacity_;
  std::list<Cached> lru_;
  std::unordered_map<std::string, std::list<Cached>::iterator> by_text_;
  std::size_t prepared_ = 0;

 public:
  SqliteStatementStats statement_stats() const { return {lru_.size(), prepared_}; }
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, std::size_t max_connections, SqliteOptions options)
      : Database(Dialect::sqlite, path, max_connections), path_(path), options_(options) {}

 protected:
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<SqliteConnection>(path_, options_);
  }

 private:
  std::string path_;
  SqliteOptions options_;
};

}  // namespace

SqliteStatementStats sqlite_statement_stats(const Connection& conn) {
  const auto* sqlite = dynamic_cast<const SqliteConnection*>(&conn);
  if (!sqlite) throw std::invalid_argument("not a SQLite connection");
  return sqlite->statement_stats();
}

DbError::Kind sqlite_error_kind(int extended_code) {
  if (extended_code == SQLITE_CONSTRAINT_UNIQUE || extended_code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return DbError::Kind::unique_violation;
  }
  if (extended_code == SQLITE_CONSTRAINT_FOREIGNKEY) return DbError::Kind::foreign_key_violation;
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN: return DbError::Kind::unavailable;
    case SQLITE_FULL: return DbError::Kind::storage_full;
    case SQLITE_READONLY: return DbError::Kind::read_only;
    case SQLITE_IOERR: return DbError::Kind::io_error;
    default: return DbError::Kind::other;
  }
}

std::unique_ptr<Database> make_sqlite_database(const std::string& path, std::size_t max_connections,
                                               SqliteOptions options) {
  if (options.watch_imports && options.max_pages == 0) options.max_pages = quota_from_environment();
  return std::make_unique<SqliteDatabase>(path, max_connections, options);
}

}  // namespace kc::store
