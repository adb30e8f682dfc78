// Whether a respondent uses clinical AI (the contract's status), and the FOI exemptions its
// reply invokes.
#ifndef FOICODE_PIPELINE_ASSEMBLE_REPLY_STATUS_H_
#define FOICODE_PIPELINE_ASSEMBLE_REPLY_STATUS_H_

#include <string>
#include <vector>

#include "assemble/page_analysis.h"
#include "assemble/systems.h"
#include "core/coded_record.h"

namespace foicode::assemble {

struct StatusFound {
  ReplyStatus status = ReplyStatus::kUnclear;
  std::vector<std::string> exemptions;  // "s12", "s43", ... in section order
  std::vector<Flag> flags;
};

// From the status cues of the answer text ("Yes" to the AI question, "we do not use any AI")
// and the systems found: a confirmation, or a system live or in pilot, is uses_ai; a denial
// with no system in use is no_ai; a denial beside a system in use is flagged status_conflict.
// With neither: "information not held", only an acknowledgement or automatic reply, or
// nothing at all are unclear, each with its own flag. Acknowledgements never set a status.
StatusFound DecideStatus(const std::vector<const AnalysedSource*>& sources, const SystemsFound& systems);

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_REPLY_STATUS_H_
