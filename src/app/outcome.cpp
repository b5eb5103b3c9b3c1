#include "app/outcome.hpp"

namespace kc::app {

Problem Problem::validation(std::vector<FieldError> errors, std::string detail) {
  if (detail.empty()) {
    detail = errors.size() == 1 ? errors.front().field + ": " + errors.front().message
                                : std::to_string(errors.size()) + " fields are invalid.";
  }
  return {422, "validation", "Validation failed", std::move(detail), std::move(errors)};
}

Problem Problem::unauthenticated(std::string detail) {
  return {401, "unauthenticated", "Not signed in", std::move(detail), {}};
}

Problem Problem::forbidden(std::string detail) {
  return {403, "forbidden", "Forbidden", std::move(detail), {}};
}

Problem Problem::not_found(std::string detail) {
  return {404, "not_found", "Not found", std::move(detail), {}};
}

Problem Problem::conflict(std::string detail) {
  return {409, "conflict", "Conflict", std::move(detail), {}};
}

}  // namespace kc::app
