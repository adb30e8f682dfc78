// Near-misses and unknown names for the normalise stage: vendor and product names written with
// other spacing or a small misspelling, and product-like names that no dictionary holds.
#ifndef FOICODE_PIPELINE_NORMALISE_NEAR_MISS_H_
#define FOICODE_PIPELINE_NORMALISE_NEAR_MISS_H_

#include <string_view>
#include <unordered_set>
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

// Folded words that `page` writes somewhere without a capital: ordinary words there ("Triage"
// and "triage"), never product names. Views into page.folded().
using WordSet = std::unordered_set<std::string_view>;
WordSet LowerCaseWords(const PageView& page);

// Fuzzy (kFuzzy) vendor and product mentions in words of `page` whose `taken` flag is false;
// sets `taken` for the words they cover. `taken` has one flag per page.words(); `lower_case`
// is LowerCaseWords(page).
std::vector<NameMention> FindNearMisses(const PageView& page, const Dictionary& dictionary,
                                        const WordSet& lower_case, std::vector<bool>& taken);

// Unknown product-like names (kUnknown, kCandidate) in words whose `taken` flag is false;
// `lower_case` is LowerCaseWords(page).
std::vector<NameMention> FindUnknownNames(const PageView& page, const WordSet& lower_case,
                                          const std::vector<bool>& taken);

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_NEAR_MISS_H_
