// The clinical AI systems of one respondent's reply: which vendors and products it names in
// its answers, in what state each is, and which usage figures belong to each.
#ifndef FOICODE_PIPELINE_ASSEMBLE_SYSTEMS_H_
#define FOICODE_PIPELINE_ASSEMBLE_SYSTEMS_H_

#include <vector>

#include "assemble/page_analysis.h"
#include "core/coded_record.h"
#include "normalise/dictionary.h"

namespace foicode::assemble {

struct SystemsFound {
  std::vector<CodedSystem> systems;        // sorted by vendor, then product
  std::vector<CodedOtherTool> other_tools;  // sorted by vendor, then product
  std::vector<CodedUsage> unattributed;     // figures tied to no system, in text order
  bool unattributed_limit_reached = false;  // more than fit were found: the rest are dropped
};

// Builds the systems from the vendor, product and unknown-name mentions in the answer text of
// `sources` (one respondent's inputs; quoted history, the echoed request and reference
// documents are skipped):
// - a product and the vendor inside it are one system; products of one vendor named in one
//   sentence or table row are one system ("e-Stroke (e-ASPECTS / e-CTA)"); a vendor named
//   alone joins that vendor's product system when there is one;
// - deployment comes from the cues of the sentence or row, each cue going to the nearest
//   system named there; a system named only under a negation is not_in_use (flagged
//   negated_mention), only under a hypothesis unknown (flagged hypothetical_mention); with no
//   cue it is live when the reply confirms use, else unknown;
// - a usage figure goes to the system on its table row (or the table's heading), else the
//   nearest system named in its sentence, else the only system of its paragraph, else the
//   only system of the reply in use (flagged usage_inferred when the reply names others or
//   the sentence does not speak of use);
//   a figure on a line labelled with another name ("RAPID – 35 a month") is unattributed;
//   repeats of one figure are kept once, and a table's "Total" row replaces its other rows.
SystemsFound FindSystems(const std::vector<const AnalysedSource*>& sources,
                         const normalise::Dictionary& dictionary);

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_SYSTEMS_H_
