// libFuzzer target for the indicator formula parser (domain/formula): no input may crash it or
// nest it past its limits, and an error always names a line and a column inside the text.
// Built by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "domain/formula/formula.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto e = kc::domain::formula::parse(text);
  if (e) {
    std::vector<const kc::domain::formula::Aggregate*> aggregates;
    kc::domain::formula::collect_aggregates(e.value(), aggregates);
    return 0;
  }
  if (e.error().code == "formula.too_long") return 0;
  const auto* line = e.error().param("line");
  const auto* column = e.error().param("column");
  if (!line || !column) __builtin_trap();
  const auto l = std::get<std::int64_t>(*line), c = std::get<std::int64_t>(*column);
  if (l < 1 || c < 1 || static_cast<std::size_t>(l) > size + 1 || static_cast<std::size_t>(c) > size + 1) __builtin_trap();
  return 0;
}
