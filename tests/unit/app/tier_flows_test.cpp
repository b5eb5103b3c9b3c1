#include "app/policy/tier_flows.hpp"

#include <gtest/gtest.h>

namespace kc::app {
namespace {

domain::Date d(const char* text) { return *domain::Date::parse(text); }

TEST(TierAtYearEnd, NotYetFoundedThenNoTier) {
  TierRecords r;
  r.registered_on = d("2011-06-01");
  EXPECT_EQ(tier_at_year_end(r, 2010), Tier::not_registered);
  EXPECT_EQ(tier_at_year_end(r, 2011), Tier::none);
}

TEST(TierAtYearEnd, SmeRegistrationCountsForItsYearOnly) {
  TierRecords r;
  r.sme_years = {2012};
  EXPECT_EQ(tier_at_year_end(r, 2011), Tier::none);
  EXPECT_EQ(tier_at_year_end(r, 2012), Tier::sme);
  EXPECT_EQ(tier_at_year_end(r, 2013), Tier::none);
}

TEST(TierAtYearEnd, CertificateIsValidForThreeYearsUnlessRevoked) {
  TierRecords r;
  r.sme_years = {2012, 2013, 2014, 2015, 2016};
  r.certificates.push_back({d("2013-10-20"), std::nullopt, std::nullopt});
  EXPECT_EQ(tier_at_year_end(r, 2012), Tier::sme);
  EXPECT_EQ(tier_at_year_end(r, 2013), Tier::hte) << "an HTE outranks an SME registration";
  EXPECT_EQ(tier_at_year_end(r, 2015), Tier::hte) << "valid until 2016-10-20";
  EXPECT_EQ(tier_at_year_end(r, 2016), Tier::sme) << "expired before the year end";
  r.certificates.front().revoked_on = d("2014-12-31");
  EXPECT_EQ(tier_at_year_end(r, 2013), Tier::hte);
  EXPECT_EQ(tier_at_year_end(r, 2014), Tier::sme) << "revoked on the year's last day";
  TierRecords explicit_end;
  explicit_end.certificates.push_back({d("2013-01-01"), d("2014-06-30"), std::nullopt});
  EXPECT_EQ(tier_at_year_end(explicit_end, 2014), Tier::none) << "the stated end date wins over three years";
}

TEST(TierAtYearEnd, NavigatorMembershipIsLeadingUntilExit) {
  TierRecords r;
  r.certificates.push_back({d("2012-05-01"), std::nullopt, std::nullopt});
  r.navigator.push_back({d("2013-09-01"), d("2015-01-01")});
  EXPECT_EQ(tier_at_year_end(r, 2012), Tier::hte);
  EXPECT_EQ(tier_at_year_end(r, 2013), Tier::leading);
  EXPECT_EQ(tier_at_year_end(r, 2014), Tier::leading) << "exit on 1 January 2015 is after the 2014 year end";
  EXPECT_EQ(tier_at_year_end(r, 2015), Tier::none);
}

}  // namespace
}  // namespace kc::app
