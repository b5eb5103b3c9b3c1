#include "domain/tech_field.hpp"

#include <string>

#include "domain/credit_code.hpp"
#include "domain/field_messages.hpp"

namespace kc::domain {
namespace {

struct Names {
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<Names, 8> kNames = {{
    {"电子信息", "electronic information"},
    {"生物与新医药", "biology and new medicine"},
    {"航空航天", "aerospace"},
    {"新材料", "new materials"},
    {"高技术服务", "high-tech services"},
    {"新能源与节能", "new energy and energy saving"},
    {"资源与环境", "resources and environment"},
    {"先进制造与自动化", "advanced manufacturing and automation"},
}};

const Names& names(TechField f) { return kNames[static_cast<std::size_t>(tech_field_code(f) - 1)]; }

}  // namespace

std::string_view tech_field_name_zh(TechField f) { return names(f).zh; }
std::string_view tech_field_name_en(TechField f) { return names(f).en; }

Result<TechField> tech_field_from_code(int code) {
  if (code < 1 || code > 8)
    return refusal(fmsg::tech_field_code, {{"code", std::int64_t{code}}});
  return static_cast<TechField>(code);
}

Result<TechField> parse_tech_field(std::string_view input) {
  std::string s = fold_to_ascii_upper(input);
  auto first = s.find_first_not_of(" \t\r\n");
  auto last = s.find_last_not_of(" \t\r\n");
  s = first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
  if (s.size() == 1 && s[0] >= '0' && s[0] <= '9') return tech_field_from_code(s[0] - '0');
  for (TechField f : kAllTechFields) {
    if (s == names(f).zh) return f;
    if (s == fold_to_ascii_upper(names(f).en)) return f;
  }
  return refusal(fmsg::tech_field_name, {{"text", std::string(input)}});
}

}  // namespace kc::domain
