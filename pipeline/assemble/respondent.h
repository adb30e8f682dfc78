// Who sent a reply: the trust behind the sender's address, letterhead or signature, never an
// organisation the reply only mentions (a partner trust, a network, the ICB, the ICO).
#ifndef FOICODE_PIPELINE_ASSEMBLE_RESPONDENT_H_
#define FOICODE_PIPELINE_ASSEMBLE_RESPONDENT_H_

#include <optional>
#include <string>
#include <vector>

#include "assemble/page_analysis.h"
#include "core/flag.h"
#include "normalise/dictionary.h"

namespace foicode::assemble {

struct Respondent {
  std::optional<std::string> name;  // nullopt: no sender could be told
  bool known = false;               // `name` is a canonical name from dictionaries/
  std::vector<Flag> flags;          // respondent_uncertain, respondent_not_in_dictionary
};

// Scores every trust the source points at: the sender's address domain and display name
// (strongest), an e-mail address in the text, a name in the first or last lines of a part
// (letterhead, signature), a name elsewhere (weak); names after "in partnership with",
// "hosted by", "handled at" ... count for nothing. The best score wins; a close second or
// a weak winner is flagged. With no trust from the dictionaries, a letterhead line that ends
// in "NHS Trust" / "NHS Foundation Trust" is taken as written, flagged.
Respondent TellRespondent(const AnalysedSource& source, const normalise::Dictionary& dictionary);

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_RESPONDENT_H_
