#include "store/database.hpp"

#include <condition_variable>
#include <mutex>

#include "store/postgres_driver.hpp"
#include "store/sqlite_driver.hpp"

namespace kc::store {

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    // PostgreSQL booleans arrive as "t"/"f" in text format.
    if (*p == "t") return 1;
    if (*p == "f") return 0;
    return std::stoll(*p);
  }
  throw std::logic_error("NULL read as integer");
}

double Row::real(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::stod(*p);
  throw std::logic_error("NULL read as real");
}

std::string Row::text(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return {};
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

struct Database::Pool {
  std::mutex mutex;
  std::condition_variable available;
  std::vector<std::unique_ptr<Connection>> idle;
  std::size_t open = 0;
  std::size_t in_use = 0;
  std::size_t max = 8;
};

Database::Database(Dialect dialect, std::string target, std::size_t max_connections)
    : dialect_(dialect), target_(std::move(target)), pool_(std::make_shared<Pool>()) {
  pool_->max = max_connections == 0 ? 1 : max_connections;
}

std::unique_ptr<Database> Database::open(const std::string& target, std::size_t max_connections) {
  if (target.starts_with("postgresql://") || target.starts_with("postgres://")) {
    return make_postgres_database(target, max_connections);
  }
  auto db = make_sqlite_database(target, max_connections);
  if (const auto companion = companion_path(target); !companion.empty()) {
    db->companion_ = make_sqlite_database(companion, max_connections);
  }
  return db;
}

std::string companion_path(const std::string& sqlite_path) {
  if (sqlite_path.empty() || sqlite_path == ":memory:" || sqlite_path.starts_with("file:")) return {};
  const std::size_t slash = sqlite_path.find_last_of('/');
  const std::size_t dot = sqlite_path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1) {
    return sqlite_path + ".signin.db";
  }
  return sqlite_path.substr(0, dot) + ".signin" + sqlite_path.substr(dot);
}

Lease Database::acquire() {
  std::unique_lock lock(pool_->mutex);
  pool_->available.wait(lock, [&] { return !pool_->idle.empty() || pool_->open < pool_->max; });
  if (!pool_->idle.empty()) {
    auto conn = std::move(pool_->idle.back());
    pool_->idle.pop_back();
    ++pool_->in_use;
    return Lease(this, std::move(conn));
  }
  ++pool_->open;
  ++pool_->in_use;
  lock.unlock();
  try {
    return Lease(this, connect());
  } catch (...) {
    lock.lock();
    --pool_->open;
    --pool_->in_use;
    pool_->available.notify_one();
    throw;
  }
}

void Database::give_back(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(pool_->mutex);
  --pool_->in_use;
  // A broken connection is dropped so the next acquire opens a fresh one.
  if (conn && conn->healthy()) {
    pool_->idle.push_back(std::move(conn));
  } else {
    --pool_->open;
  }
  pool_->available.notify_one();
}

PoolStats Database::stats() const {
  std::lock_guard lock(pool_->mutex);
  return {pool_->open, pool_->in_use};
}

std::string Database::describe() const {
  if (dialect_ == Dialect::sqlite) return "sqlite:" + target_;
  return redact_postgres_uri(target_);
}

Lease::~Lease() {
  if (db_ && conn_) db_->give_back(std::move(conn_));
}

}  // namespace kc::store
