#include "assess/tree.hpp"

#include <unordered_map>

namespace kc::assess {

domain::Status link_tree(Scheme& scheme) {
  auto& nodes = scheme.nodes;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (!index.emplace(nodes[i].code, i).second)
      return domain::Error{"assess.tree", "node " + nodes[i].code + ": the code repeats"};
  std::vector<std::optional<std::size_t>> parent(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].parent) continue;
    const auto it = index.find(*nodes[i].parent);
    if (it == index.end())
      return domain::Error{"assess.tree",
                           "node " + nodes[i].code + ": unknown parent " + *nodes[i].parent};
    parent[i] = it->second;
  }
  // A chain of parents longer than the node count must revisit a node: a cycle, which would also
  // leave its nodes unreachable from the root.
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    auto at = parent[i];
    for (std::size_t steps = 0; at; ++steps, at = parent[*at])
      if (steps > nodes.size())
        return domain::Error{"assess.tree", "node " + nodes[i].code + ": its parents form a cycle"};
  }
  scheme.roots.clear();
  for (auto& n : nodes) n.children.clear();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (parent[i]) nodes[*parent[i]].children.push_back(i);
    else scheme.roots.push_back(i);
  }
  for (const auto& n : nodes) {
    if (n.is_indicator && !n.children.empty())
      return domain::Error{"assess.tree", "node " + n.code + ": an indicator node has children"};
    if (!n.is_indicator && n.children.empty())
      return domain::Error{"assess.tree", "node " + n.code + ": a group has no children"};
  }
  if (scheme.roots.empty()) return domain::Error{"assess.tree", "scheme.nodes: the tree is empty"};
  return domain::ok();
}

}  // namespace kc::assess
