// Evaluating enterprise facts against a policy version (the rules engine's JSON face) for the
// API: who may ask, and how large a request may be.
#pragma once

#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/outcome.hpp"

namespace kc::app {

// `policy` is "hte", "sme" or a version id such as "hte-2016"; `input` the policy-rules §6.2
// document. Returns the §6.3 document.
Outcome<std::string> evaluate_policy(const Actor& actor, std::string_view policy, std::string_view input);

}  // namespace kc::app
