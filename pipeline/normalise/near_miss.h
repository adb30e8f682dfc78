// Near-misses and unknown names for the normalise stage: vendor and product names written with
// other spacing or a small misspelling, and product-like names that no dictionary holds.
#ifndef FOICODE_PIPELINE_NORMALISE_NEAR_MISS_H_
#define FOICODE_PIPELINE_NORMALISE_NEAR_MISS_H_

#include <string_view>
#include <vector>

#include "core/name_mention.h"
#include "normalise/dictionary.h"
#include "normalise/page_view.h"

namespace foicode::normalise {

// Optimal string alignment distance (Levenshtein plus adjacent transposition) between byte
// strings `a` and `b`, or `limit + 1` when it is more than `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

// True for a common English or FOI-letter word (folded) that is never a product name on its
// own: "the", "trust", "contour", "monday" ...
bool IsCommonWord(std::string_view folded_word);

// Fuzzy (kFuzzy) vendor and product mentions in words of `page` whose `taken` flag is false;
// sets `taken` for the words they cover. `taken` has one flag per page.words().
std::vector<NameMention> FindNearMisses(const PageView& page, const Dictionary& dictionary,
                                        std::vector<bool>& taken);

// Unknown product-like names (kUnknown, kCandidate) in words whose `taken` flag is false.
std::vector<NameMention> FindUnknownNames(const PageView& page, const std::vector<bool>& taken);

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_NEAR_MISS_H_
