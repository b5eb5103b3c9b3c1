#include "store/sqlite_driver.hpp"

#include <sqlite3.h>

#include <charconv>
#include <unordered_map>

namespace kc::store {
namespace {

DbError sqlite_error(sqlite3* db, int rc, std::string_view what) {
  const int extended = db ? sqlite3_extended_errcode(db) : rc;
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return DbError(DbError::Kind::unique_violation, message);
  }
  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) {
    return DbError(DbError::Kind::foreign_key_violation, message);
  }
  if (rc == SQLITE_BUSY || rc == SQLITE_CANTOPEN) return DbError(DbError::Kind::unavailable, message);
  return DbError(DbError::Kind::other, message);
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
  explicit SqliteConnection(const std::string& path) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
      DbError error = sqlite_error(db_, rc, "open " + path);
      sqlite3_close(db_);
      throw error;
    }
    sqlite3_busy_timeout(db_, 10000);
    exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  }
  ~SqliteConnection() override {
    statements_.clear();
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  void exec_script(std::string_view sql) override {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      DbError base = sqlite_error(db_, rc, "exec");
      throw DbError(base.kind(), "exec: " + text);
    }
  }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = statement(sql).bind(db_, params);
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
    sqlite3_stmt* stmt = statement(sql).bind(db_, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) throw step_error(rc);
    sqlite3_reset(stmt);
    return sqlite3_changes64(db_);
  }

  void begin() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool healthy() override { return sqlite3_get_autocommit(db_) != 0; }

 private:
  Statement& statement(std::string_view sql) {
    auto key = std::string(sql);
    auto it = statements_.find(key);
    if (it == statements_.end()) {
      it = statements_.emplace(key, std::make_unique<Statement>(db_, sql)).first;
    }
    return *it->second;
  }

  DbError step_error(int rc) {
    DbError error = sqlite_error(db_, rc, "step");
    return error;
  }

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

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, std::size_t max_connections)
      : Database(Dialect::sqlite, path, max_connections), path_(path) {}

 protected:
  std::unique_ptr<Connection> connect() override { return std::make_unique<SqliteConnection>(path_); }

 private:
  std::string path_;
};

}  // namespace

std::unique_ptr<Database> make_sqlite_database(const std::string& path, std::size_t max_connections) {
  return std::make_unique<SqliteDatabase>(path, max_connections);
}

}  // namespace kc::store
