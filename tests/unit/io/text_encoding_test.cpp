#include "io/text_encoding.hpp"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

using kc::io::decode_to_utf8;
using kc::io::first_invalid_utf8;
using kc::io::TextEncoding;

namespace {

// Encodes UTF-8 test text as GB18030 with glibc, independently of the code under test's direction.
std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &o, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

TEST(TextEncoding, AsciiAndUtf8AreUtf8) {
  auto ascii = decode_to_utf8("name,amount\nA,1\n");
  ASSERT_TRUE(ascii.ok());
  EXPECT_EQ(ascii->source, TextEncoding::utf8);
  EXPECT_EQ(ascii->utf8, "name,amount\nA,1\n");
  auto zh = decode_to_utf8("企业名称,金额\n");
  ASSERT_TRUE(zh.ok());
  EXPECT_EQ(zh->source, TextEncoding::utf8);
  EXPECT_FALSE(zh->had_bom);
  auto empty = decode_to_utf8("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->utf8, "");
}

TEST(TextEncoding, StripsUtf8Bom) {
  auto r = decode_to_utf8("\xEF\xBB\xBF企业");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->had_bom);
  EXPECT_EQ(r->source, TextEncoding::utf8);
  EXPECT_EQ(r->utf8, "企业");
}

TEST(TextEncoding, DetectsGbk) {
  // "中文" in GBK/GB2312 is D6D0 CEC4: what Excel saves as "CSV" on Chinese Windows.
  auto r = decode_to_utf8("\xD6\xD0\xCE\xC4,1\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->source, TextEncoding::gb18030);
  EXPECT_EQ(r->utf8, "中文,1\n");
}

TEST(TextEncoding, RoundTripsGb18030IncludingFourByteSequences) {
  // € (two bytes in GB18030), é and 😀 (four-byte sequences), and rare CJK Ext-B 𠀀.
  const std::string text = "统一社会信用代码,€,é,😀,𠀀\r\n杭州市西湖区\n";
  std::string gb = to_gb18030(text);
  ASSERT_NE(gb, text);
  auto r = decode_to_utf8(gb);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->source, TextEncoding::gb18030);
  EXPECT_EQ(r->utf8, text);
  auto forced = decode_to_utf8(gb, TextEncoding::gb18030);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->utf8, text);
}

TEST(TextEncoding, Utf16WithBom) {
  auto le =
      decode_to_utf8(std::string("\xFF\xFE"
                                 "A\x00\x2D\x4E",
                                 6));
  ASSERT_TRUE(le.ok()) << le.error().message;
  EXPECT_EQ(le->source, TextEncoding::utf16le);
  EXPECT_EQ(le->utf8, "A中");
  auto be =
      decode_to_utf8(std::string("\xFE\xFF\x00"
                                 "A\x4E\x2D",
                                 6));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->source, TextEncoding::utf16be);
  EXPECT_EQ(be->utf8, "A中");
  auto odd =
      decode_to_utf8(std::string("\xFF\xFE"
                                 "A\x00\x2D",
                                 5));  // truncated code unit
  ASSERT_FALSE(odd.ok());
  EXPECT_NE(odd.error().message.find("offset 4"), std::string::npos) << odd.error().message;
}

TEST(TextEncoding, InvalidEverywhereGivesOffsetAndLine) {
  // 0xFF is never valid in UTF-8 nor in GB18030.
  auto r = decode_to_utf8("a,b\nc,d\nx\xFFy\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "encoding.invalid");
  EXPECT_NE(r.error().message.find("offset 9, line 3"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("第3行"), std::string::npos);
}

TEST(TextEncoding, TruncatedGbkAtEndIsInvalid) {
  auto r = decode_to_utf8("\xD6\xD0\n\xCE");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("GB18030 (invalid byte at offset 3, line 2)"), std::string::npos)
      << r.error().message;
}

TEST(TextEncoding, ExplicitUtf8RefusesGbk) {
  auto r = decode_to_utf8("ok\n\xD6\xD0", TextEncoding::utf8);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("byte offset 3 (line 2)"), std::string::npos)
      << r.error().message;
  // With a BOM, offsets still count from the first byte of the file.
  auto bom = decode_to_utf8("\xEF\xBB\xBFok\xC0\x80");
  ASSERT_FALSE(bom.ok());
  EXPECT_NE(bom.error().message.find("byte offset 5"), std::string::npos) << bom.error().message;
}

TEST(TextEncoding, FirstInvalidUtf8) {
  EXPECT_EQ(first_invalid_utf8("plain"), std::string::npos);
  EXPECT_EQ(first_invalid_utf8("中😀"), std::string::npos);
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);                // stray continuation byte
  EXPECT_EQ(first_invalid_utf8("a\xC0\x80"), 1u);             // overlong NUL
  EXPECT_EQ(first_invalid_utf8("a\xE0\x80\x80"), 1u);         // overlong 3-byte
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0u);          // UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);      // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("xy\xE4\xB8"), 2u);            // truncated at the end
  EXPECT_EQ(first_invalid_utf8("\xE4\x41\x80"), 0u);          // bad continuation
  EXPECT_EQ(first_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);  // 5-byte form does not exist
}

TEST(TextEncoding, Names) {
  EXPECT_EQ(kc::io::text_encoding_name(TextEncoding::gb18030), "GB18030");
  EXPECT_EQ(kc::io::text_encoding_name(TextEncoding::utf8), "UTF-8");
}
