// What a stored text may contain. Registry text is shown in pages, exported to spreadsheets and
// printed in reports, so characters that are invisible there or change how text around them reads
// are refused where the text enters (one check for forms, API calls, imports and submissions):
// NUL and the other C0/C1 control characters (an XLSX export cuts a value at NUL), DEL, and the
// Unicode bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
// that make text display in another order than it is stored ("Trojan Source"). Tab and line breaks
// (LF, or CR LF) are allowed only where a field holds several lines. Text must be valid UTF-8.
#pragma once

#include <optional>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

// The first forbidden character, if any: code `text.control_character`, `text.bidi_control` or
// `text.invalid_utf8`, with its 1-based character position and code point in the message.
std::optional<Error> find_forbidden_character(std::string_view text, bool multiline);

}  // namespace kc::domain
