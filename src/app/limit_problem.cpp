#include "app/limit_problem.hpp"

#include <array>
#include <utility>

namespace kc::app {

std::optional<Problem> limit_problem(const domain::Error& error, const std::string& field) {
  // io code → problem code and title. The readers' prefixes (xlsx., csv.) say which reader
  // refused; the client only needs which limit.
  static const std::array<std::pair<const char*, std::pair<const char*, const char*>>, 5> kCodes{{
      {"xlsx.too_many_cells", {"too_many_cells", "Too many cells"}},
      {"csv.too_many_cells", {"too_many_cells", "Too many cells"}},
      {"csv.too_many_fields", {"too_many_fields", "Too many fields in a row"}},
      {"xlsx.too_much_text", {"too_much_text", "Too much text"}},
      {"xlsx.too_many_nodes", {"too_many_nodes", "Too many XML elements"}},
  }};
  for (const auto& [io_code, problem] : kCodes) {
    if (error.code != io_code) continue;
    Problem p{422, problem.first, problem.second, error.message, {{field, error.message}}};
    p.params.assign(error.params.begin(), error.params.end());
    return p;
  }
  return std::nullopt;
}

}  // namespace kc::app
