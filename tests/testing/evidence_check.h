// The contract's promise to every reader of the dataset, checked in tests: each evidence quote
// is the extracted text of its page at its code point offsets (in Python,
// text[start:end] == quote).
#ifndef FOICODE_TESTS_TESTING_EVIDENCE_CHECK_H_
#define FOICODE_TESTS_TESTING_EVIDENCE_CHECK_H_

#include <vector>

#include "core/coded_record.h"
#include "core/extracted_source.h"

namespace foicode::testing {

// Adds a test failure for each evidence (systems, usage, other tools, unattributed figures)
// whose quote differs from its page's text at [start, end), or that points at no page.
// Returns how many were checked.
int ExpectEvidenceQuotesMatch(const std::vector<CodedRecord>& records,
                              const std::vector<ExtractedSource>& sources);

}  // namespace foicode::testing

#endif  // FOICODE_TESTS_TESTING_EVIDENCE_CHECK_H_
