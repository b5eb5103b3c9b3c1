// Builds a WHERE clause with numbered placeholders from optional filter conditions, so list
// queries stay prepared statements whatever the user filters by.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

class SqlFilter {
 public:
  // `condition` uses "?" where the parameter goes; it becomes $N.
  SqlFilter& add(const std::string& condition, Value value);
  // The same with several parameters, in the order of the "?"s.
  SqlFilter& add(const std::string& condition, std::vector<Value> values);
  // Adds a case-insensitive substring match of `text` over any of `columns`.
  SqlFilter& contains_any(std::initializer_list<const char*> columns, const std::string& text);
  SqlFilter& contains_any(const std::vector<std::string>& columns, const std::string& text);
  // `column` is one of `values` (each a parameter); no condition when `values` is empty.
  SqlFilter& in(const std::string& column, const std::vector<std::int64_t>& values);
  // A condition without parameters, e.g. "x IS NULL".
  SqlFilter& add_raw(const std::string& condition);
  std::string where() const { return where_.empty() ? "" : " WHERE " + where_; }
  const Params& params() const { return params_; }
  // The next placeholder, for LIMIT/OFFSET after the conditions.
  std::string next_placeholder() const { return "$" + std::to_string(params_.size() + 1); }
  Params params_with(std::initializer_list<Value> extra) const;

 private:
  std::string where_;
  Params params_;
};

// A LIKE pattern matching `text` anywhere, with % _ and \ taken literally (use ESCAPE '\').
std::string like_contains(const std::string& text);

}  // namespace kc::store
