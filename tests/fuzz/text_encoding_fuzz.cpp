// libFuzzer target: decode_to_utf8 on arbitrary bytes either fails with an offset inside the input
// or returns valid UTF-8. Built by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/text_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto enc : {kc::io::TextEncoding::automatic, kc::io::TextEncoding::utf8,
                   kc::io::TextEncoding::gb18030}) {
    auto r = kc::io::decode_to_utf8(bytes, enc);
    if (r) {
      if (kc::io::first_invalid_utf8(r->utf8) != std::string_view::npos) __builtin_trap();
      // Valid UTF-8 input without a BOM comes back unchanged.
      if (enc == kc::io::TextEncoding::utf8 && !r->had_bom && r->utf8 != bytes) __builtin_trap();
    } else if (r.error().code.rfind("encoding.", 0) != 0) {
      __builtin_trap();
    }
  }
  return 0;
}
