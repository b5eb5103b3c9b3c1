// The one database interface Kechuang stores everything through, with a SQLite driver (a file)
// and a PostgreSQL driver (libpq). SQL uses $1, $2, … placeholders, which both drivers accept.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kc::store {

enum class Dialect { sqlite, postgresql };

// A bound parameter or a result cell. Booleans travel as integers so both dialects agree.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  bool is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::size_t size() const { return cells_.size(); }

 private:
  std::vector<Value> cells_;
};

// Failures of the database itself. `kind` lets use cases turn constraint violations into
// user-facing conflicts; anything else is an operator problem. The storage kinds and
// import_in_progress become their own problems in http/db_problems.cpp.
class DbError : public std::runtime_error {
 public:
  enum class Kind {
    unique_violation,
    foreign_key_violation,
    unavailable,         // cannot connect, or a lock wait ran out with no import to blame
    import_in_progress,  // the write lock is held by a registered import (store/import_lock.hpp)
    storage_full,        // SQLITE_FULL (disk or --sqlite quota), PostgreSQL 53100 disk_full
    read_only,           // SQLITE_READONLY, PostgreSQL 25006
    io_error,            // SQLITE_IOERR, PostgreSQL 58030
    other
  };
  // `detail` is for people: for import_in_progress, the running import in words.
  DbError(Kind kind, const std::string& message, std::string detail = {})
      : std::runtime_error(message), kind_(kind), detail_(std::move(detail)) {}
  Kind kind() const { return kind_; }
  const std::string& detail() const { return detail_; }

 private:
  Kind kind_;
  std::string detail_;
};

using Params = std::vector<Value>;

// One open connection. Not thread-safe: a connection belongs to one worker at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters (migrations, pragmas).
  virtual void exec_script(std::string_view sql) = 0;
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Starts a transaction that will write: SQLite takes the write lock at once (BEGIN IMMEDIATE),
  // so two writers never deadlock upgrading a read lock.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool healthy() = 0;

  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
};

class Database;

// A connection borrowed from the pool; returned when the lease ends.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

struct PoolStats {
  std::size_t size = 0;
  std::size_t in_use = 0;
};

// A pool of connections to one database, opened lazily up to `max_connections`.
class Database {
 public:
  // `target` is a SQLite file path or a postgresql:// URI.
  static std::unique_ptr<Database> open(const std::string& target, std::size_t max_connections = 8);
  virtual ~Database() = default;

  Lease acquire();
  Dialect dialect() const { return dialect_; }
  PoolStats stats() const;
  // A redacted description for logs (never the password).
  std::string describe() const;
  // Where sign-in state lives (sessions, failure counters, the login log, address throttling).
  // On SQLite it is a companion file beside the main one (`companion_path`), with its own write
  // lock, so that sign-in never waits for a long write transaction on the main file (a CLI
  // import); on PostgreSQL row locks do not conflict that way, and it is this database itself.
  Database& sign_in() { return companion_ ? *companion_ : *this; }
  bool has_companion() const { return companion_ != nullptr; }
  const std::string& target() const { return target_; }

 protected:
  Database(Dialect dialect, std::string target, std::size_t max_connections);
  virtual std::unique_ptr<Connection> connect() = 0;

 private:
  friend class Lease;
  void give_back(std::unique_ptr<Connection> conn);

  struct Pool;
  Dialect dialect_;
  std::string target_;
  std::shared_ptr<Pool> pool_;
  std::unique_ptr<Database> companion_;
};

// The sign-in companion of a SQLite file: `kechuang.db` → `kechuang.signin.db` (empty for
// in-memory databases, which get none).
std::string companion_path(const std::string& sqlite_path);

// Runs `work` inside a write transaction: commits when it returns, rolls back when it throws.
template <class F>
auto in_transaction(Connection& conn, F&& work) -> decltype(work()) {
  conn.begin();
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      conn.commit();
    } else {
      auto result = work();
      conn.commit();
      return result;
    }
  } catch (...) {
    conn.rollback();
    throw;
  }
}

}  // namespace kc::store
