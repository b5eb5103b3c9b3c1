#include "rules/ip_count.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::ip;

IpCount hte_count(const std::vector<IpItem>& items) {
  const auto& p = testing::hte();
  return count_ip(items, testing::kHteAsOf, p.ip_class_one, p.ip_class_two, p.ip_class_two_single_use);
}

TEST(IpCount, ClassesFollowThePolicy) {
  const auto c = hte_count({ip(IpKind::invention_patent), ip(IpKind::defence_patent),
                            ip(IpKind::utility_model), ip(IpKind::software_copyright),
                            ip(IpKind::trademark)});
  EXPECT_EQ(c.class_one, 2);
  EXPECT_EQ(c.class_two, 2);  // trademarks never count
  const auto& s = testing::sme();
  const auto sc = count_ip({ip(IpKind::defence_patent), ip(IpKind::design_patent)},
                           testing::kSmeAsOf, s.ip_class_one, s.ip_class_two, false);
  EXPECT_EQ(sc.class_one, 0);  // 115号 does not name defence patents
  EXPECT_EQ(sc.class_two, 1);
}

TEST(IpCount, InvalidFutureAndReusedItemsDoNotCount) {
  IpItem invalid = ip(IpKind::invention_patent);
  invalid.valid = false;
  IpItem used = ip(IpKind::utility_model);
  used.used_in_hte_recognition = 2022;
  IpItem used_class_one = ip(IpKind::invention_patent);
  used_class_one.used_in_hte_recognition = 2022;  // the single-use rule is for Class II only
  const auto c = hte_count({invalid, used, used_class_one, ip(IpKind::utility_model, "2025-05-21"),
                            ip(IpKind::utility_model, "2025-05-20")});
  EXPECT_EQ(c.class_one, 1);
  EXPECT_EQ(c.class_two, 1);  // granted on the application date counts, the day after does not
}

TEST(IpCount, RecordsWhetherAnyItemIsSelfDeveloped) {
  IpItem bought = ip(IpKind::invention_patent);
  bought.how = IpAcquisition::assigned;
  EXPECT_FALSE(hte_count({bought}).any_self_developed);
  EXPECT_TRUE(hte_count({bought, ip(IpKind::utility_model)}).any_self_developed);
}

}  // namespace
}  // namespace kc::rules
