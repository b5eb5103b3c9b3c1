#include "domain/region_code.hpp"

#include <array>

#include "domain/credit_code.hpp"
#include "domain/field_messages.hpp"

namespace kc::domain {
namespace {

struct Province {
  std::string_view code;
  std::string_view name;
};

// GB/T 2260 province-level divisions (34, including Taiwan, Hong Kong and Macao).
constexpr std::array<Province, 34> kProvinces = {{
    {"11", "北京市"},           {"12", "天津市"},         {"13", "河北省"},
    {"14", "山西省"},           {"15", "内蒙古自治区"},   {"21", "辽宁省"},
    {"22", "吉林省"},           {"23", "黑龙江省"},       {"31", "上海市"},
    {"32", "江苏省"},           {"33", "浙江省"},         {"34", "安徽省"},
    {"35", "福建省"},           {"36", "江西省"},         {"37", "山东省"},
    {"41", "河南省"},           {"42", "湖北省"},         {"43", "湖南省"},
    {"44", "广东省"},           {"45", "广西壮族自治区"}, {"46", "海南省"},
    {"50", "重庆市"},           {"51", "四川省"},         {"52", "贵州省"},
    {"53", "云南省"},           {"54", "西藏自治区"},     {"61", "陕西省"},
    {"62", "甘肃省"},           {"63", "青海省"},         {"64", "宁夏回族自治区"},
    {"65", "新疆维吾尔自治区"}, {"71", "台湾省"},         {"81", "香港特别行政区"},
    {"82", "澳门特别行政区"},
}};

}  // namespace

std::string_view province_name_zh(std::string_view two_digits) {
  for (const auto& p : kProvinces)
    if (p.code == two_digits) return p.name;
  return {};
}

Result<RegionCode> RegionCode::parse(std::string_view input) {
  std::string text = fold_to_ascii_upper(input);
  auto first = text.find_first_not_of(" \t\r\n");
  auto last = text.find_last_not_of(" \t\r\n");
  text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
  using namespace fmsg;
  if (text.size() != 6) return refusal(region_code_length, {{"text", text}});
  for (std::size_t i = 0; i < 6; ++i)
    if (text[i] < '0' || text[i] > '9')
      return refusal(region_code_digit, {{"position", static_cast<std::int64_t>(i + 1)}});
  if (kc::domain::province_name_zh(text.substr(0, 2)).empty())
    return refusal(region_code_province, {{"prefix", text.substr(0, 2)}});
  // A county part only exists under a prefecture part: "330006" names nothing.
  if (text.substr(2, 2) == "00" && text.substr(4, 2) != "00") return refusal(region_code_level, {{"text", text}});
  return RegionCode(std::move(text));
}

RegionLevel RegionCode::level() const {
  if (prefecture_part() == "00") return RegionLevel::province;
  if (county_part() == "00") return RegionLevel::prefecture;
  return RegionLevel::county;
}

std::string_view RegionCode::province_name_zh() const {
  return kc::domain::province_name_zh(province_part());
}

std::string_view RegionCode::prefix() const {
  switch (level()) {
    case RegionLevel::province: return province_part();
    case RegionLevel::prefecture: return std::string_view(text_).substr(0, 4);
    case RegionLevel::county: return text_;
  }
  return text_;
}

bool RegionCode::contains(const RegionCode& other) const {
  switch (level()) {
    case RegionLevel::province:
      return other.province_part() == province_part();
    case RegionLevel::prefecture:
      return other.text_.compare(0, 4, text_, 0, 4) == 0;
    case RegionLevel::county:
      return other.text_ == text_;
  }
  return false;
}

}  // namespace kc::domain
