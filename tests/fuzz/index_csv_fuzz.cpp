// libFuzzer target: iData and iMeta CSV (io::parse_index_csv, what /index/build and the CLI read),
// the input split at its first NUL byte (iData before, iMeta after), then a default build of what
// parsed. Either a clear error or data whose every column has a value per unit; never a crash.
// Built by run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "index/pipeline.hpp"
#include "io/index_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto cut = text.find('\0');
  const std::string_view idata = text.substr(0, cut);
  const std::string_view imeta = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
  auto parsed = kc::io::parse_index_csv(idata, imeta);
  if (!parsed) {
    if (parsed.error().code.empty() || parsed.error().message.empty()) __builtin_trap();
    return 0;
  }
  const auto& raw = parsed->raw;  // values[column][unit]
  if (raw.values.size() != raw.n_columns()) __builtin_trap();
  for (const auto& column : raw.values)
    if (column.size() != raw.n_units()) __builtin_trap();
  const auto spec = kc::index::PipelineSpec::defaults();
  if (kc::index::validate(spec, parsed.value())) {
    auto built = kc::index::build(parsed.value(), spec, kc::index::BuildOptions{});
    if (!built && built.error().message.empty()) __builtin_trap();
  }
  return 0;
}
