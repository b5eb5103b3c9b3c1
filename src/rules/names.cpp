#include "rules/names.hpp"

#include <array>
#include <utility>

namespace kc::rules {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<std::string_view, E>, N>& table,
                        std::string_view s) {
  for (const auto& [name, value] : table)
    if (name == s) return value;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view reverse(const std::array<std::pair<std::string_view, E>, N>& table, E v) {
  for (const auto& [name, value] : table)
    if (value == v) return name;
  return "?";
}

constexpr std::array<std::pair<std::string_view, IncidentKind>, 4> kIncident{{
    {"safety", IncidentKind::safety},
    {"quality", IncidentKind::quality},
    {"environment", IncidentKind::environment},
    {"research_misconduct", IncidentKind::research_misconduct},
}};
constexpr std::array<std::pair<std::string_view, IpKind>, kIpKindCount> kIp{{
    {"invention_patent", IpKind::invention_patent},
    {"defence_patent", IpKind::defence_patent},
    {"plant_variety", IpKind::plant_variety},
    {"crop_variety", IpKind::crop_variety},
    {"new_drug", IpKind::new_drug},
    {"tcm_protected", IpKind::tcm_protected},
    {"ic_layout", IpKind::ic_layout},
    {"utility_model", IpKind::utility_model},
    {"design_patent", IpKind::design_patent},
    {"software_copyright", IpKind::software_copyright},
    {"trademark", IpKind::trademark},
}};
constexpr std::array<std::pair<std::string_view, IpAcquisition>, 4> kHow{{
    {"self", IpAcquisition::self},
    {"assigned", IpAcquisition::assigned},
    {"donated", IpAcquisition::donated},
    {"merger", IpAcquisition::merger},
}};
constexpr std::array<std::pair<std::string_view, StandardLevel>, 3> kStd{{
    {"international", StandardLevel::international},
    {"national", StandardLevel::national},
    {"industry", StandardLevel::industry},
}};
constexpr std::array<std::pair<std::string_view, InstitutionLevel>, 5> kInstLevel{{
    {"national", InstitutionLevel::national},
    {"ministerial", InstitutionLevel::ministerial},
    {"provincial", InstitutionLevel::provincial},
    {"municipal", InstitutionLevel::municipal},
    {"district", InstitutionLevel::district},
}};
constexpr std::array<std::pair<std::string_view, InstitutionKind>, 7> kInstKind{{
    {"key_lab", InstitutionKind::key_lab},
    {"engineering_tech_centre", InstitutionKind::engineering_tech_centre},
    {"engineering_lab", InstitutionKind::engineering_lab},
    {"engineering_research_centre", InstitutionKind::engineering_research_centre},
    {"enterprise_tech_centre", InstitutionKind::enterprise_tech_centre},
    {"international_joint_centre", InstitutionKind::international_joint_centre},
    {"other", InstitutionKind::other},
}};

}  // namespace

std::optional<IncidentKind> incident_kind_from(std::string_view s) { return lookup(kIncident, s); }
std::optional<IpKind> ip_kind_from(std::string_view s) { return lookup(kIp, s); }
std::optional<IpAcquisition> ip_acquisition_from(std::string_view s) { return lookup(kHow, s); }
std::optional<StandardLevel> standard_level_from(std::string_view s) { return lookup(kStd, s); }
std::optional<InstitutionLevel> institution_level_from(std::string_view s) {
  return lookup(kInstLevel, s);
}
std::optional<InstitutionKind> institution_kind_from(std::string_view s) {
  return lookup(kInstKind, s);
}

std::string_view name_of(IncidentKind k) { return reverse(kIncident, k); }
std::string_view name_of(IpKind k) { return reverse(kIp, k); }
std::string_view name_of(IpAcquisition k) { return reverse(kHow, k); }
std::string_view name_of(StandardLevel k) { return reverse(kStd, k); }
std::string_view name_of(InstitutionLevel k) { return reverse(kInstLevel, k); }
std::string_view name_of(InstitutionKind k) { return reverse(kInstKind, k); }

}  // namespace kc::rules
