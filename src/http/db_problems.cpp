#include "http/db_problems.hpp"

#include "http/responses.hpp"

namespace kc::http {

app::Problem db_error_problem(const store::DbError& error) {
  using Kind = store::DbError::Kind;
  switch (error.kind()) {
    case Kind::import_in_progress:
      return {503, "import_in_progress", "An import is running",
              "The database is locked for writing by " + error.detail() +
                  ". Nothing was saved; reading still works, and changes can be saved again when "
                  "the import ends. Try again in a minute.",
              {}};
    case Kind::storage_full:
      return {507, "storage_full", "Storage full",
              "The database has no room left (its disk, or the size quota an administrator set, "
              "is full), so nothing was saved. An administrator must free space or raise the "
              "quota; then try again.",
              {}};
    case Kind::read_only:
      return {503, "storage_read_only", "Database read-only",
              "The database accepts no changes at the moment (its file or server is read-only), "
              "so nothing was saved. The failure has been logged for an administrator.",
              {}};
    case Kind::io_error:
      return {503, "storage_error", "Storage error",
              "The database could not read or write its disk, so nothing was saved. The failure "
              "has been logged for an administrator.",
              {}};
    case Kind::unavailable:
      return {503, "unavailable", "Database unavailable",
              "The database cannot be reached; try again shortly.", {}};
    default:
      return {500, "internal", "Internal error",
              "Something went wrong on the server; it has been logged.", {}};
  }
}

Response db_error_response(unsigned http_version, const store::DbError& error) {
  Request req;
  req.version(http_version);
  Response res = problem_response(req, db_error_problem(error));
  if (error.kind() == store::DbError::Kind::import_in_progress) {
    res.set(beast_http::field::retry_after, std::to_string(kImportRetryAfterSeconds));
  } else if (res.result_int() == 503 || res.result_int() == 507) {
    res.set(beast_http::field::retry_after, "60");
  }
  return res;
}

}  // namespace kc::http
