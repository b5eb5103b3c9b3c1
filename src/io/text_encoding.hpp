// Detects how an uploaded text file is encoded (UTF-8 with or without BOM, GB18030, or UTF-16 with
// a BOM) and converts it to UTF-8, so CSV and template readers only ever see UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::io {

enum class TextEncoding { automatic, utf8, gb18030, utf16le, utf16be };

std::string_view text_encoding_name(TextEncoding e);  // "UTF-8", "GB18030", …

struct DecodedText {
  std::string utf8;     // the text, BOM removed
  TextEncoding source;  // what it was read as
  bool had_bom = false;
};

// Where the first byte that is not valid UTF-8 sits; npos when all of `bytes` is valid UTF-8.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t first_invalid_utf8(std::string_view bytes);

// With `automatic`: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is tried as
// GB18030 (a superset of GBK and GB2312, which is what Excel and WPS save on Chinese Windows).
// An explicit encoding skips detection. A byte sequence invalid in the chosen (or every candidate)
// encoding is refused with its byte offset and 1-based line: code "encoding.invalid".
kc::domain::Result<DecodedText> decode_to_utf8(std::string_view bytes,
                                               TextEncoding encoding = TextEncoding::automatic);

}  // namespace kc::io
