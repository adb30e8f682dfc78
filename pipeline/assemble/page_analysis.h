// Everything assemble needs to know about one input: for each page, the names (normalise
// stage), the facts (facts stage), its sentences, which of its text is not an answer (quoted
// history, the request echoed back) and whether the part is a reference document (a policy
// attached as context), plus the reply's own date.
#ifndef FOICODE_PIPELINE_ASSEMBLE_PAGE_ANALYSIS_H_
#define FOICODE_PIPELINE_ASSEMBLE_PAGE_ANALYSIS_H_

#include <optional>
#include <string>
#include <vector>

#include "assemble/text_units.h"
#include "core/coded_record.h"
#include "core/extracted_source.h"
#include "core/facts.h"
#include "core/name_mention.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"

namespace foicode::assemble {

struct AnalysedPage {
  const Part* part = nullptr;
  const Page* page = nullptr;
  int part_index = 0;
  bool top_level = false;  // the input itself (a letter, an e-mail's own body), not an attachment
  // The part is a long policy, procedure or strategy attached as context: its names and cues
  // are examples, never answers.
  bool reference = false;
  std::vector<NameMention> names;
  PageFacts facts;  // without other_numbers, which assemble does not use
  TextUnits units;
  // Spans that are not the reply's answer: quoted e-mail history and the request echoed back.
  std::vector<Span> not_answer;

  AnalysedPage(const Part* p, const Page* pg, int index, bool top)
      : part(p), page(pg), part_index(index), top_level(top), units(pg->text) {}
  // True when [start, end) lies in an answer: not quoted, not echo, not a reference document.
  bool InAnswer(int start, int end) const;
};

struct AnalysedSource {
  const ExtractedSource* source = nullptr;
  int index = 0;  // into the batch's list of sources
  std::vector<AnalysedPage> pages;
  std::optional<std::string> reply_date;  // "YYYY-MM-DD": e-mail Date header, else letter date
  std::optional<std::string> error;       // why the input could not be coded (then no pages)
};

// Runs the normalise and facts stages over every page of `source` and works out what is
// answer text. Relative periods ("previous 12 months") resolve against the reply's date.
AnalysedSource AnalyseSource(const ExtractedSource& source, int index,
                             const normalise::Dictionary& dictionary, const facts::RuleSet& rules);

// Evidence for [start, end) of `page`.
Evidence EvidenceAt(const AnalysedSource& source, const AnalysedPage& page, int start, int end);

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_PAGE_ANALYSIS_H_
