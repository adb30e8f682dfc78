// A byte trie over folded dictionary names (see name_trie.h).
#include "normalise/name_trie.h"

#include <algorithm>

namespace foicode::normalise {

NameTrie::NameTrie() : nodes_(1) {}

int NameTrie::Child(int node, unsigned char byte) const {
  const auto& edges = nodes_[node].edges;
  // Edges are few per node (names share prefixes), so a sorted vector beats a map.
  auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                             [](const auto& edge, unsigned char b) { return edge.first < b; });
  return (it != edges.end() && it->first == byte) ? it->second : -1;
}

void NameTrie::Add(std::string_view key, int value) {
  int node = 0;
  for (char c : key) {
    const auto byte = static_cast<unsigned char>(c);
    int next = Child(node, byte);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      auto& edges = nodes_[node].edges;
      auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                                 [](const auto& edge, unsigned char b) { return edge.first < b; });
      edges.insert(it, {byte, next});
    }
    node = next;
  }
  nodes_[node].values.push_back(value);
}

void NameTrie::MatchesAt(std::string_view text, std::size_t pos,
                         std::vector<std::pair<std::size_t, int>>* matches) const {
  matches->clear();
  int node = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    node = Child(node, static_cast<unsigned char>(text[i]));
    if (node < 0) break;
    for (int value : nodes_[node].values) matches->emplace_back(i + 1, value);
  }
}

}  // namespace foicode::normalise
