// The facts stage's front door: from one page of extracted text to typed facts (usage
// figures, periods, dates, money, FOI exemptions, cues) with offsets into the original text.
#ifndef FOICODE_PIPELINE_FACTS_FIND_FACTS_H_
#define FOICODE_PIPELINE_FACTS_FIND_FACTS_H_

#include <string_view>

#include "core/facts.h"
#include "facts/rule_set.h"

namespace foicode::facts {

// Finds every fact the rules recognise on `page_text` (valid UTF-8, as extraction gives it).
// Pure: no I/O, no clock. Every record's [start, end) counts code points into `page_text` and
// `quote` is exactly that text. Overlaps: a number claimed as money, a date, a period or an
// other number (reference, phone, section, ...) is never a usage figure; among usage rules the
// longest match wins (then the earlier rule). Relative periods resolve against
// context.reply_date: "previous 12 months" is the 12 full calendar months before the reply's
// month (a reply of 2024-10-07 gives 2023-10..2024-09, as in the contract); without a reply
// date they keep their text and `months` with null start/end.
PageFacts FindFacts(std::string_view page_text, const RuleSet& rules, const FactContext& context);

}  // namespace foicode::facts

#endif  // FOICODE_PIPELINE_FACTS_FIND_FACTS_H_
