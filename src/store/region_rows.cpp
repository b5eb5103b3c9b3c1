#include "store/region_rows.hpp"

namespace kc::store {
namespace {

std::string next(Params& params, Value v) {
  params.push_back(std::move(v));
  return "$" + std::to_string(params.size());
}

// The first string greater than every code starting with `prefix` (digits only).
std::string past(std::string prefix) {
  for (std::size_t i = prefix.size(); i-- > 0;) {
    if (prefix[i] < '9') {
      ++prefix[i];
      return prefix;
    }
    prefix[i] = '0';
  }
  return "~";
}

}  // namespace

std::string region_rows_condition(const std::string& column, const RegionRows& visible, Params& params) {
  if (visible.installation_only) return column + " IS NULL";
  if (visible.prefix.empty()) return {};
  // One placeholder a statement: the operands of + are evaluated in no set order.
  const std::string low = next(params, visible.prefix);
  const std::string high = next(params, past(visible.prefix));
  std::string sql = "(" + column + " IS NULL OR (" + column + " >= " + low + " AND " + column + " < " + high + ")";
  for (const auto& code : visible.covering) sql += " OR " + column + " = " + next(params, code);
  return sql + ")";
}

}  // namespace kc::store
