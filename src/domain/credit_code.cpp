#include "domain/credit_code.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include "domain/field_messages.hpp"
#include "domain/region_code.hpp"

namespace kc::domain {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // GB 32100 table 1
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};  // GB 11714-1997

int charset_value(char c) {
  auto pos = kCharset.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

struct OrgType {
  char code;
  std::string_view zh;
};
struct Authority {
  char code;
  std::string_view zh;
  std::string_view en;
  std::array<OrgType, 8> types;  // unused slots have code '\0'
};

// GB 32100-2015 annex A with the later national amendments (diplomacy, justice, culture, tourism,
// religion, trade unions, the CMC establishment office and rural collectives). A code outside this
// table is refused: registries issue codes only from it, so anything else is a typing error.
constexpr std::array<Authority, 12> kAuthorities = {{
    {'1',
     "机构编制",
     "institutional establishment",
     {{{'1', "机关"},
       {'2', "事业单位"},
       {'3', "中央编办直接管理机构编制的群众团体"},
       {'9', "其他"}}}},
    {'2', "外交", "foreign affairs", {{{'1', "外国常驻新闻机构"}, {'9', "其他"}}}},
    {'3',
     "司法行政",
     "justice administration",
     {{{'1', "律师执业机构"},
       {'2', "外国律师事务所驻华代表机构"},
       {'3', "司法鉴定机构"},
       {'4', "仲裁委员会"},
       {'5', "公证处"},
       {'6', "基层法律服务所"},
       {'9', "其他"}}}},
    {'4', "文化", "culture", {{{'1', "外国在华文化中心"}, {'9', "其他"}}}},
    {'5',
     "民政",
     "civil affairs",
     {{{'1', "社会团体"}, {'2', "民办非企业单位"}, {'3', "基金会"}, {'9', "其他"}}}},
    {'6',
     "旅游",
     "tourism",
     {{{'1', "外国旅游部门常驻代表机构"},
       {'2', "港澳台地区旅游部门常驻内地（大陆）代表机构"},
       {'9', "其他"}}}},
    {'7', "宗教", "religious affairs", {{{'1', "宗教活动场所"}, {'2', "宗教院校"}, {'9', "其他"}}}},
    {'8', "工会", "trade unions", {{{'1', "基层工会"}, {'9', "其他"}}}},
    {'9',
     "工商",
     "industry and commerce (market regulation)",
     {{{'1', "企业"}, {'2', "个体工商户"}, {'3', "农民专业合作社"}}}},
    {'A',
     "中央军委改革和编制办公室",
     "CMC reform and establishment office",
     {{{'1', "军队事业单位"}, {'9', "其他"}}}},
    {'N',
     "农业",
     "agriculture (rural collectives)",
     {{{'1', "组级集体经济组织"},
       {'2', "村级集体经济组织"},
       {'3', "乡镇级集体经济组织"},
       {'9', "其他"}}}},
    {'Y', "其他", "other", {{{'1', "其他"}}}},
}};

const Authority* find_authority(char c) {
  for (const auto& a : kAuthorities)
    if (a.code == c) return &a;
  return nullptr;
}

const OrgType* find_type(const Authority& a, char c) {
  for (const auto& t : a.types)
    if (t.code != '\0' && t.code == c) return &t;
  return nullptr;
}

// Splits UTF-8 into code points so positions in messages count characters, not bytes.
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80           ? 1
                    : (b >> 5) == 0x6  ? 2
                    : (b >> 4) == 0xE  ? 3
                    : (b >> 3) == 0x1E ? 4
                                       : 1;
    if (i + n > s.size()) n = s.size() - i;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string fold_to_ascii_upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {  // U+3000 ideographic space
      out.push_back(' ');
      i += 2;
      continue;
    }
    if (b0 == 0xEF && i + 2 < text.size()) {
      // U+FF01..U+FF5E (full-width ASCII) is EF BC 81..EF BD 9E; subtract 0xFEE0 to reach ASCII.
      auto b1 = static_cast<unsigned char>(text[i + 1]);
      auto b2 = static_cast<unsigned char>(text[i + 2]);
      std::uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0xFF01 && cp <= 0xFF5E) {
        char c = static_cast<char>(cp - 0xFEE0);
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        i += 2;
        continue;
      }
    }
    char c = text[i];
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

char CreditCode::compute_check_char(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    int v = charset_value(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  return kCharset[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

char CreditCode::compute_org_check_char(std::string_view body8) {
  if (body8.size() != 8) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    char c = body8[i];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
    if (v < 0) return '\0';
    sum += v * kOrgWeights[i];
  }
  int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

Result<CreditCode> CreditCode::parse(std::string_view input) {
  std::string folded = fold_to_ascii_upper(trim(input));
  std::string_view text = trim(folded);
  auto chars = code_points(text);
  using namespace fmsg;
  if (text.empty()) return refusal(credit_code_empty);
  if (chars.size() != 18) return refusal(credit_code_length, {{"length", static_cast<std::int64_t>(chars.size())}});
  for (std::size_t i = 0; i < chars.size(); ++i) {
    auto ch = chars[i];
    if (ch.size() != 1 || charset_value(ch[0]) < 0) {
      return refusal(credit_code_illegal_char,
                     {{"char", std::string(ch)}, {"position", static_cast<std::int64_t>(i + 1)}});
    }
  }
  const Authority* authority = find_authority(text[0]);
  if (authority == nullptr) return refusal(credit_code_authority, {{"char", std::string(1, text[0])}});
  if (find_type(*authority, text[1]) == nullptr)
    return refusal(credit_code_org_type, {{"char", std::string(1, text[1])},
                                          {"authority", std::string(1, text[0])},
                                          {"authority_zh", std::string(authority->zh)},
                                          {"authority_en", std::string(authority->en)}});
  std::string_view region = text.substr(2, 6);
  for (std::size_t i = 0; i < region.size(); ++i)
    if (region[i] < '0' || region[i] > '9')
      return refusal(credit_code_region_digit, {{"position", static_cast<std::int64_t>(i + 3)}});
  // "100000" marks registration by a national-level authority; otherwise a GB/T 2260 code.
  if (region != "100000") {
    auto r = RegionCode::parse(region);
    if (!r) return refusal(credit_code_region, {{"region", std::string(region)}});
  }
  char org_expected = compute_org_check_char(text.substr(8, 8));
  if (org_expected != text[16])
    return refusal(credit_code_org_check,
                   {{"expected", std::string(1, org_expected)}, {"actual", std::string(1, text[16])}});
  char expected = compute_check_char(text.substr(0, 17));
  if (expected != text[17])
    return refusal(credit_code_check_char,
                   {{"expected", std::string(1, expected)}, {"actual", std::string(1, text[17])}});
  return CreditCode(std::string(text));
}

std::string_view CreditCode::authority_name_zh() const { return find_authority(authority())->zh; }
std::string_view CreditCode::authority_name_en() const { return find_authority(authority())->en; }
std::string_view CreditCode::org_type_name_zh() const {
  return find_type(*find_authority(authority()), org_type())->zh;
}

}  // namespace kc::domain
