// The normalise stage's entry point: finds every vendor, product, organisation and
// not-clinical-AI tool a page names, near-misses of vendor and product names, and unknown
// product-like names near AI words.
#ifndef FOICODE_PIPELINE_NORMALISE_NAME_MATCHER_H_
#define FOICODE_PIPELINE_NORMALISE_NAME_MATCHER_H_

#include <string_view>
#include <vector>

#include "core/name_mention.h"
#include "normalise/dictionary.h"

namespace foicode::normalise {

// Every name mentioned in `page_text` (valid UTF-8, one page of an ExtractedSource), sorted by
// start, longer first at the same start. Offsets are code points into `page_text`, and each
// quote is page_text at [start, end).
// - Exact: a dictionary name equal to the text once both are folded (FoldedText: case, dashes,
//   quotes, spaces, line breaks), on Unicode word boundaries; leftmost-longest, so
//   "Veye Lung Nodules" is one product mention. A product name that includes its vendor's name
//   ("Brainomix e-Stroke") also gives a vendor mention for that part.
// - An ambiguous name (Mia, DERM, Red Dot, Dragon ...) counts only when written with the
//   dictionary's capitals and with an AI, software, imaging or speech word, or another vendor,
//   product or tool, within 12 words or on its line (up to 200 words away), or when the page
//   also names the same entry unambiguously ("Skin Analytics DERM" ... "DERM - 300 a month");
//   otherwise it is left out.
// - Fuzzy: a capitalised span whose letters and digits equal a vendor or product name's
//   ("Heart-Flow" for HeartFlow), or within a small edit distance of one (1 for 5-8 letters,
//   2 for 9 or more: "Brainomixx"), never for names of 4 letters or fewer or common words.
// - Candidate (kUnknown): a CamelCase, letters-and-digits, "X AI"/"X.ai" or "AI tool X" name
//   near an AI word that no dictionary holds.
// Pure: no I/O, no globals; safe to call on many threads with one Dictionary.
std::vector<NameMention> FindNames(std::string_view page_text, const Dictionary& dictionary);

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_NAME_MATCHER_H_
