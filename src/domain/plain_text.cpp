#include "domain/plain_text.hpp"

#include <cstdio>
#include <string>

#include "domain/field_messages.hpp"

namespace kc::domain {
namespace {

// Decodes one UTF-8 sequence at `pos`; returns its length, or 0 when it is not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF included).
std::size_t decode(std::string_view s, std::size_t pos, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 < 0x80) { cp = b0; return 1; }
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else return 0;
  if (pos + len > s.size()) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::string code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

}  // namespace

std::optional<Error> find_forbidden_character(std::string_view text, bool multiline) {
  std::size_t position = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    ++position;
    char32_t cp = 0;
    const std::size_t len = decode(text, pos, cp);
    if (len == 0) {
      return refusal(fmsg::invalid_utf8, {{"position", static_cast<std::int64_t>(position)}});
    }
    const bool line_break = cp == '\n' || (cp == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n');
    const bool allowed_control = multiline && (cp == '\t' || line_break);
    if ((cp < 0x20 && !allowed_control) || (cp >= 0x7F && cp <= 0x9F)) {
      return refusal(fmsg::control_character,
                     {{"position", static_cast<std::int64_t>(position)}, {"code_point", code_point(cp)}});
    }
    if (is_bidi_control(cp)) {
      return refusal(fmsg::bidi_control,
                     {{"position", static_cast<std::int64_t>(position)}, {"code_point", code_point(cp)}});
    }
    pos += len;
  }
  return std::nullopt;
}

}  // namespace kc::domain
