#include "review/eligibility.hpp"

#include <algorithm>
#include <string>

namespace kc::review {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The applicant and the partners: the units a conflict by unit is measured against.
bool is_party_unit(const Application& a, std::string_view unit) {
  return unit == a.applicant || contains(a.partners, unit);
}

bool is_party(const Application& a, std::string_view unit_or_person) {
  return is_party_unit(a, unit_or_person) || contains(a.people, unit_or_person);
}

bool any_person_on_team(const std::vector<std::string>& persons, const Application& a) {
  return std::any_of(persons.begin(), persons.end(), [&](const std::string& p) { return contains(a.people, p); });
}

}  // namespace

const char* conflict_code(Conflict c) {
  switch (c) {
    case Conflict::same_unit: return "same_unit";
    case Conflict::former_unit: return "former_unit";
    case Conflict::collaboration: return "collaboration";
    case Conflict::relative: return "relative";
    case Conflict::supervision: return "supervision";
    case Conflict::applicant_excluded: return "applicant_excluded";
    case Conflict::declared: return "declared";
  }
  return "";
}

domain::Date window_start(const DrawInput& in) {
  return in.as_of.add_years(-static_cast<int>(in.window_years));
}

bool fields_match(const Expert& e, const Application& a) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const std::string& code) { return a.field.starts_with(code); });
}

std::vector<Conflict> conflicts(const Expert& e, const Application& a, domain::Date start) {
  std::vector<Conflict> out;
  if (is_party_unit(a, e.affiliation)) out.push_back(Conflict::same_unit);
  if (std::any_of(e.former_affiliations.begin(), e.former_affiliations.end(),
                  [&](const FormerAffiliation& f) { return f.until >= start && is_party_unit(a, f.unit); }))
    out.push_back(Conflict::former_unit);
  if (std::any_of(e.collaborations.begin(), e.collaborations.end(),
                  [&](const Collaboration& c) { return c.on >= start && is_party(a, c.with); }))
    out.push_back(Conflict::collaboration);
  if (any_person_on_team(e.relatives, a)) out.push_back(Conflict::relative);
  if (any_person_on_team(e.students, a) || any_person_on_team(e.supervisors, a))
    out.push_back(Conflict::supervision);
  if (contains(a.excluded_experts, e.id)) out.push_back(Conflict::applicant_excluded);
  if (contains(e.declared, a.id) ||
      std::any_of(e.declared.begin(), e.declared.end(), [&](const std::string& d) { return is_party(a, d); }))
    out.push_back(Conflict::declared);
  return out;
}

std::vector<Eligibility> eligibility(const DrawInput& in) {
  const domain::Date start = window_start(in);
  std::vector<Eligibility> out(in.applications.size());
  for (std::size_t ai = 0; ai < in.applications.size(); ++ai) {
    const Application& a = in.applications[ai];
    for (std::size_t ei = 0; ei < in.experts.size(); ++ei) {
      const Expert& e = in.experts[ei];
      if (!fields_match(e, a)) continue;  // not a candidate at all: neither eligible nor listed
      auto codes = conflicts(e, a, start);
      if (!codes.empty())
        out[ai].excluded.push_back({ei, std::move(codes)});
      else if (e.active)
        out[ai].eligible.push_back(ei);
    }
  }
  return out;
}

}  // namespace kc::review
