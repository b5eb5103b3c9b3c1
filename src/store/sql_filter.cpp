#include "store/sql_filter.hpp"

namespace kc::store {

std::string like_contains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

SqlFilter& SqlFilter::add(const std::string& condition, Value value) {
  return add(condition, std::vector<Value>{std::move(value)});
}

SqlFilter& SqlFilter::add(const std::string& condition, std::vector<Value> values) {
  std::string rendered;
  std::size_t next = 0;
  for (char c : condition) {
    if (c == '?' && next < values.size()) {
      params_.push_back(std::move(values[next++]));
      rendered += "$" + std::to_string(params_.size());
    } else {
      rendered += c;
    }
  }
  if (!where_.empty()) where_ += " AND ";
  where_ += "(" + rendered + ")";
  return *this;
}

SqlFilter& SqlFilter::contains_any(std::initializer_list<const char*> columns, const std::string& text) {
  return contains_any(std::vector<std::string>(columns.begin(), columns.end()), text);
}

SqlFilter& SqlFilter::in(const std::string& column, const std::vector<std::int64_t>& values) {
  if (values.empty()) return *this;
  std::string list;
  for (const auto v : values) {
    params_.push_back(v);
    list += (list.empty() ? "$" : ", $") + std::to_string(params_.size());
  }
  return add_raw(column + " IN (" + list + ")");
}

SqlFilter& SqlFilter::add_raw(const std::string& condition) {
  if (!where_.empty()) where_ += " AND ";
  where_ += "(" + condition + ")";
  return *this;
}

SqlFilter& SqlFilter::contains_any(const std::vector<std::string>& columns, const std::string& text) {
  if (text.empty() || columns.empty()) return *this;
  params_.push_back(like_contains(text));
  const std::string p = "$" + std::to_string(params_.size());
  std::string clause;
  for (const std::string& column : columns) {
    if (!clause.empty()) clause += " OR ";
    clause += "LOWER(COALESCE(" + column + ", '')) LIKE LOWER(" + p + ") ESCAPE '\\'";
  }
  if (!where_.empty()) where_ += " AND ";
  where_ += "(" + clause + ")";
  return *this;
}

Params SqlFilter::params_with(std::initializer_list<Value> extra) const {
  Params out = params_;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

}  // namespace kc::store
