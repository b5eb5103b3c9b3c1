#include "app/outcome.hpp"

#include "app/messages.hpp"
#include "domain/field_messages.hpp"

namespace kc::app {

FieldError field_error(std::string field, const domain::Error& error) {
  return {std::move(field), error.message, error.code, error.params};
}

FieldError field_error(std::string field, const domain::FieldMessageDef& def, MessageParams params) {
  return field_error(std::move(field), domain::refusal(def, std::move(params)));
}

Problem Problem::validation(std::vector<FieldError> errors, std::string detail) {
  if (detail.empty()) {
    detail = errors.size() == 1 ? errors.front().field + ": " + errors.front().message
                                : std::to_string(errors.size()) + " fields are invalid.";
  }
  return {422, "validation", "Validation failed", std::move(detail), std::move(errors)};
}

Problem Problem::unauthenticated() { return unauthenticated({msg::sign_in_first}); }

Problem Problem::unauthenticated(const Message& message) {
  return said(401, "unauthenticated", "Not signed in", message);
}

Problem Problem::forbidden(const Message& message) { return said(403, "forbidden", "Forbidden", message); }

Problem Problem::not_found(const Message& message) { return said(404, "not_found", "Not found", message); }

Problem Problem::conflict(const Message& message) { return said(409, "conflict", "Conflict", message); }

}  // namespace kc::app
