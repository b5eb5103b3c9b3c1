#include "rules/ip_count.hpp"

#include <cstdint>

namespace kc::rules {

IpCount count_ip(const std::vector<IpItem>& ip, Date as_of, const std::vector<IpKind>& class_one,
                 const std::vector<IpKind>& class_two, bool class_two_single_use) {
  IpCount c;
  if (ip.empty()) return c;
  auto mask = [](const std::vector<IpKind>& v) {
    std::uint32_t m = 0;
    for (IpKind k : v) m |= 1u << static_cast<unsigned>(k);
    return m;
  };
  const std::uint32_t one = mask(class_one), two = mask(class_two);
  auto in = [](std::uint32_t m, IpKind k) { return (m >> static_cast<unsigned>(k)) & 1u; };
  for (const auto& item : ip) {
    if (!item.valid) continue;
    if (item.granted_on && *item.granted_on > as_of) continue;
    bool counted = false;
    if (in(one, item.kind)) {
      ++c.class_one;
      counted = true;
    } else if (in(two, item.kind)) {
      if (class_two_single_use && item.used_in_hte_recognition) continue;
      ++c.class_two;
      counted = true;
    }
    if (counted && item.how == IpAcquisition::self) c.any_self_developed = true;
  }
  return c;
}

}  // namespace kc::rules
