#include "io/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

namespace kc::io {
namespace {

using kc::domain::Error;
using kc::domain::Result;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

std::size_t line_of(std::string_view bytes, std::size_t offset) {
  return 1 +
         static_cast<std::size_t>(std::count(
             bytes.begin(),
             bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n'));
}

// Offsets in messages count from the start of the file the user gave us, BOM included.
// In UTF-16 a 0x0A byte is not necessarily a newline, so only the byte offset is given there.
Error invalid(TextEncoding e, std::string_view whole, std::size_t offset) {
  std::string off = std::to_string(offset);
  std::string name(text_encoding_name(e));
  bool lines = e == TextEncoding::utf8 || e == TextEncoding::gb18030;
  std::string line = std::to_string(line_of(whole, offset));
  return Error{"encoding.invalid", "文件不是有效的" + name + "编码：" +
                                       (lines ? "第" + line + "行，" : std::string()) + "字节偏移" +
                                       off + "处有非法字节序列 / not valid " + name +
                                       ": invalid byte sequence at byte offset " + off +
                                       (lines ? " (line " + line + ")" : std::string())};
}

// Converts with glibc iconv. On failure returns the offset (within `bytes`) of the first byte that
// could not be converted; a truncated multibyte sequence at the end counts as invalid there.
struct IconvOutcome {
  bool ok;
  std::string text;
  std::size_t bad_offset;
  bool unsupported = false;  // iconv_open refused the encoding (a broken glibc install)
};

IconvOutcome convert(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return {false, {}, 0, true};
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  IconvOutcome result{true, {}, 0};
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    result = {false, {}, static_cast<std::size_t>(in_ptr - bytes.data())};  // EILSEQ or EINVAL
    break;
  }
  iconv_close(cd);
  if (!result.ok) return result;
  out.resize(written);
  result.text = std::move(out);
  return result;
}

}  // namespace

std::string_view text_encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::automatic:
      return "automatic";
    case TextEncoding::utf8:
      return "UTF-8";
    case TextEncoding::gb18030:
      return "GB18030";
    case TextEncoding::utf16le:
      return "UTF-16LE";
    case TextEncoding::utf16be:
      return "UTF-16BE";
  }
  return "?";
}

std::size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    std::uint32_t min;
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1Fu;
      min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0Fu;
      min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07u;
      min = 0x10000;
    } else
      return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

Result<DecodedText> decode_to_utf8(std::string_view bytes, TextEncoding encoding) {
  const std::string_view whole = bytes;
  bool had_bom = false;
  if (encoding == TextEncoding::automatic) {
    if (bytes.substr(0, 3) == kUtf8Bom)
      encoding = TextEncoding::utf8;
    else if (bytes.substr(0, 2) == kUtf16LeBom)
      encoding = TextEncoding::utf16le;
    else if (bytes.substr(0, 2) == kUtf16BeBom)
      encoding = TextEncoding::utf16be;
  }
  std::size_t bom_len = 0;
  if (encoding == TextEncoding::utf8 && bytes.substr(0, 3) == kUtf8Bom) bom_len = 3;
  if (encoding == TextEncoding::utf16le && bytes.substr(0, 2) == kUtf16LeBom) bom_len = 2;
  if (encoding == TextEncoding::utf16be && bytes.substr(0, 2) == kUtf16BeBom) bom_len = 2;
  if (bom_len > 0) {
    had_bom = true;
    bytes.remove_prefix(bom_len);
  }

  if (encoding == TextEncoding::utf8) {
    if (auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
      return invalid(TextEncoding::utf8, whole, bad + bom_len);
    return DecodedText{std::string(bytes), TextEncoding::utf8, had_bom};
  }
  if (encoding == TextEncoding::automatic) {
    std::size_t bad_utf8 = first_invalid_utf8(bytes);
    if (bad_utf8 == std::string_view::npos)
      return DecodedText{std::string(bytes), TextEncoding::utf8, false};
    auto gb = convert(bytes, "GB18030");
    if (gb.unsupported)
      return Error{"encoding.unsupported",
                   "系统不支持GB18030转换 / iconv cannot convert from GB18030"};
    if (gb.ok) return DecodedText{std::move(gb.text), TextEncoding::gb18030, false};
    // Neither fits: say where each reading broke so the user can find the damage.
    std::string u = std::to_string(bad_utf8), g = std::to_string(gb.bad_offset);
    std::string lu = std::to_string(line_of(whole, bad_utf8)),
                lg = std::to_string(line_of(whole, gb.bad_offset));
    return Error{"encoding.invalid",
                 "文件既不是有效的UTF-8（第" + lu + "行，字节偏移" + u +
                     "）也不是有效的GB18030（第" + lg + "行，字节偏移" + g +
                     "） / neither valid UTF-8 (invalid byte at offset " + u + ", line " + lu +
                     ") nor valid GB18030 (invalid byte at offset " + g + ", line " + lg + ")"};
  }
  const char* from = encoding == TextEncoding::gb18030   ? "GB18030"
                     : encoding == TextEncoding::utf16le ? "UTF-16LE"
                                                         : "UTF-16BE";
  auto converted = convert(bytes, from);
  if (converted.unsupported)
    return Error{"encoding.unsupported",
                 std::string("系统不支持") + from + "转换 / iconv cannot convert from " + from};
  if (!converted.ok) {
    // Line numbers in UTF-16 would need decoding; the byte offset is exact either way.
    return invalid(encoding, whole, converted.bad_offset + bom_len);
  }
  return DecodedText{std::move(converted.text), encoding, had_bom};
}

}  // namespace kc::io
