// Reading JSON request bodies: malformed JSON is reported with its line and column, and fields
// are read with type checks that produce field-level validation errors.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/outcome.hpp"

namespace kc::http {

// Parses a request body that must be a JSON object.
app::Outcome<boost::json::object> parse_json_object(const std::string& body);

// Collects type errors while reading fields of one object.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}
  std::optional<std::string> optional_string(const char* name, std::size_t max_bytes = 1000);
  std::string required_string(const char* name, std::size_t max_bytes = 1000);
  // Absent (std::nullopt), null (an empty inner optional) or a string: PATCH-like fields where
  // null means something (a region_code of null: the whole installation).
  std::optional<std::optional<std::string>> nullable_string(const char* name, std::size_t max_bytes = 1000);
  std::optional<bool> optional_bool(const char* name);
  std::optional<std::int64_t> optional_integer(const char* name);
  // Unknown fields are refused, so a typo is never silently ignored.
  void allow_only(std::initializer_list<const char*> names);
  bool ok() const { return errors_.empty(); }
  app::Problem problem() const { return app::Problem::validation(errors_); }

 private:
  const boost::json::object& object_;
  std::vector<app::FieldError> errors_;
};

}  // namespace kc::http
