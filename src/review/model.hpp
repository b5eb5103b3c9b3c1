// The reviewer draw's input and output (review-draw spec §1 and §4, see docs/review-draw.md) as
// plain values: the JSON adapter fills them, the engine reads and writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace kc::review {

struct FormerAffiliation {
  std::string unit;
  domain::Date until;
};

struct Collaboration {
  std::string with;  // a unit id or a person's name
  domain::Date on;
};

struct Expert {
  std::string id;
  std::string name;
  std::vector<std::string> fields;
  std::string affiliation;
  std::vector<FormerAffiliation> former_affiliations;
  std::vector<Collaboration> collaborations;
  std::vector<std::string> relatives;
  std::vector<std::string> students;
  std::vector<std::string> supervisors;
  std::vector<std::string> declared;
  std::int64_t prior_load = 0;
  bool active = true;
};

struct Application {
  std::string id;
  std::string field;
  std::string applicant;
  std::vector<std::string> partners;
  std::vector<std::string> people;
  std::vector<std::string> excluded_experts;
};

struct DrawInput {
  std::uint64_t seed = 0;
  domain::Date as_of;
  std::int64_t panel_size = 1;
  std::int64_t reserves = 0;
  std::int64_t max_load = 1;
  std::optional<std::int64_t> max_same_affiliation;  // nullopt: no limit
  std::int64_t window_years = 0;
  std::vector<Expert> experts;
  std::vector<Application> applications;
};

// The conflict codes of §2, in the table's order; `excluded` lists them in this order.
enum class Conflict { same_unit, former_unit, collaboration, relative, supervision, applicant_excluded, declared };
const char* conflict_code(Conflict c);

struct Exclusion {
  std::size_t expert;  // index into DrawInput::experts
  std::vector<Conflict> reasons;
};

struct Assignment {
  std::vector<std::size_t> panel;     // expert indices, in the order they were drawn
  std::vector<std::size_t> reserves;  // expert indices, in order
  std::size_t eligible = 0;
  std::vector<Exclusion> excluded;    // in input order of experts
};

struct Shortfall {
  std::size_t application;
  std::int64_t missing_seats;
};

struct DrawOutput {
  std::uint64_t seed = 0;
  std::vector<Assignment> assignments;  // one per application, in input order
  std::vector<Shortfall> shortfalls;    // in input order
  std::vector<std::int64_t> load;       // prior_load + panels, per expert (input order)
  std::vector<std::int64_t> panels;     // panels per expert in this draw
};

}  // namespace kc::review
