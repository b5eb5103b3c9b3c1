// Links a scheme's flat node list into its tree (spec/assessment.md §1): fills Node::children and
// Scheme::roots, refusing repeated codes, unknown parents, cycles, empty groups and indicator
// nodes with children. Nodes may come in any order.
#pragma once

#include "assess/scheme.hpp"
#include "domain/result.hpp"

namespace kc::assess {

domain::Status link_tree(Scheme& scheme);

}  // namespace kc::assess
