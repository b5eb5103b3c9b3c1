// The spellings of the rule enumerations in JSON (policy files and §6.2 input), both ways.
#pragma once

#include <optional>
#include <string_view>

#include "rules/facts.hpp"

namespace kc::rules {

std::optional<IncidentKind> incident_kind_from(std::string_view s);
std::optional<IpKind> ip_kind_from(std::string_view s);
std::optional<IpAcquisition> ip_acquisition_from(std::string_view s);
std::optional<StandardLevel> standard_level_from(std::string_view s);
std::optional<InstitutionLevel> institution_level_from(std::string_view s);
std::optional<InstitutionKind> institution_kind_from(std::string_view s);

std::string_view name_of(IncidentKind k);
std::string_view name_of(IpKind k);
std::string_view name_of(IpAcquisition k);
std::string_view name_of(StandardLevel k);
std::string_view name_of(InstitutionLevel k);
std::string_view name_of(InstitutionKind k);

}  // namespace kc::rules
