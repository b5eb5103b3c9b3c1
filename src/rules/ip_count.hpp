// Which IP items count under a policy at a date, and how many of each class there are.
#pragma once

#include <vector>

#include "rules/facts.hpp"

namespace kc::rules {

struct IpCount {
  int class_one = 0;
  int class_two = 0;
  bool any_self_developed = false;
};

// An item counts when it is valid, granted on or before `as_of`, of a listed kind, and — when
// `class_two_single_use` — a Class II item not already used in an earlier HTE recognition.
IpCount count_ip(const std::vector<IpItem>& ip, Date as_of, const std::vector<IpKind>& class_one,
                 const std::vector<IpKind>& class_two, bool class_two_single_use);

}  // namespace kc::rules
