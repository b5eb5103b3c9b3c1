#include "store/postgres_driver.hpp"

#include <libpq-fe.h>

#include <cstdio>
#include <regex>

#include "store/import_lock.hpp"
#include "store/storage_alarm.hpp"

namespace kc::store {
namespace {

// Type OIDs from pg_type.h that we map to native values; everything else stays text
// (numeric included, so exact decimals are never squeezed through a double).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw DbError(DbError::Kind::unavailable, "connect to PostgreSQL: " + message);
    }
    // Keep server notices (e.g. "relation already exists, skipping") out of our logs.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    exec_script("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET lock_timeout = " +
                std::to_string(kPostgresLockTimeoutMs));
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::postgresql; }

  void exec_script(std::string_view sql) override {
    Result r(PQexec(conn_, std::string(sql).c_str()));
    check(r.get(), "exec");
  }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    Result r = run(sql, params);
    std::vector<Row> rows;
    const int n = PQntuples(r.get());
    const int columns = PQnfields(r.get());
    rows.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      std::vector<Value> cells;
      cells.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) cells.push_back(cell(r.get(), i, c));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    Result r = run(sql, params);
    const char* affected = PQcmdTuples(r.get());
    return (affected && *affected) ? std::stoll(affected) : 0;
  }

  void begin() override { exec_script("BEGIN"); }
  void commit() override {
    exec_script("COMMIT");
    note_storage_ok();
  }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Result(PQexec(conn_, "ROLLBACK"));
  }
  bool healthy() override {
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }

 private:
  Result run(std::string_view sql, const Params& params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (auto n = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*n);
      else if (auto d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        texts[i] = buf;
      } else texts[i] = std::get<std::string>(v);
      values[i] = texts[i].c_str();
    }
    Result r(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(params.size()), nullptr,
                          values.data(), nullptr, nullptr, 0));
    check(r.get(), "query");
    return r;
  }

  void check(PGresult* r, std::string_view what) {
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = std::string(what) + ": " + PQerrorMessage(conn_);
    const std::string code = state ? state : "";
    if (PQstatus(conn_) != CONNECTION_OK) throw DbError(DbError::Kind::unavailable, message);
    const DbError::Kind kind = postgres_error_kind(code);
    if (code == "55P03") {
      // A lock wait ran out: if a registered import holds the lock, say so.
      if (auto blocking = blocking_import(); !blocking.empty()) {
        throw DbError(DbError::Kind::import_in_progress, message + " (" + blocking + ")", blocking);
      }
    }
    note_storage_failure(kind);
    throw DbError(kind, message);
  }

  // The live import, in words, that may hold the lock this connection waited for; "" if none.
  // The transaction is aborted anyway, so it is ended first to be able to ask.
  std::string blocking_import() {
    if (asking_) return "";
    asking_ = true;
    std::string out;
    try {
      if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Result(PQexec(conn_, "ROLLBACK"));
      const auto runs = live_import_runs(*this);
      if (!runs.empty()) out = describe_import(runs.front());
    } catch (const std::exception&) {
    }
    asking_ = false;
    return out;
  }

  static Value cell(PGresult* r, int row, int c) {
    if (PQgetisnull(r, row, c)) return std::monostate{};
    const char* text = PQgetvalue(r, row, c);
    switch (PQftype(r, c)) {
      case kBool: return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
      case kInt2:
      case kInt4:
      case kInt8: return static_cast<std::int64_t>(std::stoll(text));
      case kFloat4:
      case kFloat8: return std::stod(text);
      default: return std::string(text, static_cast<std::size_t>(PQgetlength(r, row, c)));
    }
  }

  PGconn* conn_;
  bool asking_ = false;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& uri, std::size_t max_connections)
      : Database(Dialect::postgresql, uri, max_connections), uri_(uri) {}

 protected:
  std::unique_ptr<Connection> connect() override { return std::make_unique<PostgresConnection>(uri_); }

 private:
  std::string uri_;
};

}  // namespace

std::unique_ptr<Database> make_postgres_database(const std::string& uri, std::size_t max_connections) {
  return std::make_unique<PostgresDatabase>(uri, max_connections);
}

DbError::Kind postgres_error_kind(std::string_view code) {
  if (code == "23505") return DbError::Kind::unique_violation;
  if (code == "23503") return DbError::Kind::foreign_key_violation;
  if (code == "53100") return DbError::Kind::storage_full;
  if (code == "25006") return DbError::Kind::read_only;
  if (code == "58030") return DbError::Kind::io_error;
  if (code.starts_with("08") || code.starts_with("53") || code == "55P03" || code.starts_with("57P")) {
    return DbError::Kind::unavailable;
  }
  return DbError::Kind::other;
}

std::string redact_postgres_uri(const std::string& uri) {
  static const std::regex password(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
  std::string out = std::regex_replace(uri, password, "$1***@");
  static const std::regex query_password(R"(([?&]password=)[^&]*)");
  return std::regex_replace(out, query_password, "$1***");
}

}  // namespace kc::store
