#include "http/json_body.hpp"

#include <algorithm>

#include "domain/field_messages.hpp"

namespace kc::http {

app::Outcome<boost::json::object> parse_json_object(const std::string& body) {
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t consumed = parser.write_some(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    // Position of the error: the parser stops at the offending byte.
    const std::size_t offset = std::min(consumed, body.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      if (body[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return app::Problem{400, "malformed_json", "Malformed JSON",
                        "The request body is not valid JSON: " + ec.message() + " at line " +
                            std::to_string(line) + ", column " + std::to_string(column) +
                            " (byte " + std::to_string(offset) + ").",
                        {}};
  }
  boost::json::value value = parser.release();
  if (!value.is_object()) {
    return app::Problem{400, "malformed_json", "Malformed JSON", "The request body must be a JSON object.", {}};
  }
  return std::move(value.as_object());
}

std::optional<std::string> FieldReader::optional_string(const char* name, std::size_t max_bytes) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) {
    errors_.push_back(app::field_error(name, domain::fmsg::request_not_string));
    return std::nullopt;
  }
  const auto& s = it->value().as_string();
  if (s.size() > max_bytes) {
    errors_.push_back(app::field_error(name, domain::fmsg::too_long, {{"max", static_cast<std::int64_t>(max_bytes)}}));
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::optional<std::string>> FieldReader::nullable_string(const char* name, std::size_t max_bytes) {
  auto it = object_.find(name);
  if (it == object_.end()) return std::nullopt;
  if (it->value().is_null()) return std::optional<std::string>{};
  const std::size_t before = errors_.size();
  auto value = optional_string(name, max_bytes);
  if (errors_.size() != before) return std::nullopt;
  return value;
}

std::string FieldReader::required_string(const char* name, std::size_t max_bytes) {
  const std::size_t before = errors_.size();
  auto value = optional_string(name, max_bytes);
  if (!value && errors_.size() == before) errors_.push_back(app::field_error(name, domain::fmsg::required));
  return value.value_or("");
}

std::optional<bool> FieldReader::optional_bool(const char* name) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_bool()) {
    errors_.push_back(app::field_error(name, domain::fmsg::not_boolean));
    return std::nullopt;
  }
  return it->value().as_bool();
}

std::optional<std::int64_t> FieldReader::optional_integer(const char* name) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_int64()) {
    errors_.push_back(app::field_error(name, domain::fmsg::request_not_integer));
    return std::nullopt;
  }
  return it->value().as_int64();
}

void FieldReader::allow_only(std::initializer_list<const char*> names) {
  for (const auto& kv : object_) {
    const bool known = std::any_of(names.begin(), names.end(),
                                   [&](const char* n) { return kv.key() == n; });
    if (!known) errors_.push_back(app::field_error(std::string(kv.key()), domain::fmsg::request_unknown_field));
  }
}

}  // namespace kc::http
