// A byte trie over folded dictionary names: the normalise stage's multi-pattern pass, which
// finds every name starting at a position of the folded page text in one walk.
#ifndef FOICODE_PIPELINE_NORMALISE_NAME_TRIE_H_
#define FOICODE_PIPELINE_NORMALISE_NAME_TRIE_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace foicode::normalise {

// Built once, then read-only; safe for concurrent reads.
class NameTrie {
 public:
  NameTrie();

  // Adds `key` (non-empty) with `value`. A key added twice keeps both values.
  void Add(std::string_view key, int value);

  // Every key that starts at text[pos]: (end byte in text, value), shortest key first, into
  // *matches (cleared first; the caller reuses it, so a scan allocates once).
  void MatchesAt(std::string_view text, std::size_t pos,
                 std::vector<std::pair<std::size_t, int>>* matches) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int>> edges;  // sorted by byte
    std::vector<int> values;                           // keys that end here
  };
  int Child(int node, unsigned char byte) const;  // -1 when absent

  std::vector<Node> nodes_;  // nodes_[0] is the root
};

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_NAME_TRIE_H_
