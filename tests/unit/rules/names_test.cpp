#include "rules/names.hpp"

#include <gtest/gtest.h>

namespace kc::rules {
namespace {

TEST(Names, RoundTripAndRejectUnknown) {
  for (auto k : {IpKind::invention_patent, IpKind::software_copyright, IpKind::trademark})
    EXPECT_EQ(ip_kind_from(name_of(k)), k);
  EXPECT_EQ(incident_kind_from("research_misconduct"), IncidentKind::research_misconduct);
  EXPECT_EQ(institution_kind_from("engineering_lab"), InstitutionKind::engineering_lab);
  EXPECT_EQ(institution_level_from("ministerial"), InstitutionLevel::ministerial);
  EXPECT_EQ(standard_level_from("industry"), StandardLevel::industry);
  EXPECT_EQ(ip_acquisition_from("merger"), IpAcquisition::merger);
  EXPECT_FALSE(ip_kind_from("Invention_Patent"));
  EXPECT_FALSE(incident_kind_from(""));
}

}  // namespace
}  // namespace kc::rules
