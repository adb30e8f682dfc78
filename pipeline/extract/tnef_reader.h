// Reads winmail.dat (TNEF) with libytnef, in a child process: the library has a long CVE history.
#ifndef FOICODE_PIPELINE_EXTRACT_TNEF_READER_H_
#define FOICODE_PIPELINE_EXTRACT_TNEF_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// The body (when TNEF carries one) becomes a page; the attached files come back as attachments.
// A TNEF stream that holds nothing readable is flagged container_empty.
ReadResult ReadTnef(std::string_view bytes, ReadContext& context);

// As ReadTnef, but libytnef runs in this process, unguarded: for the fuzzer
// (tests/fuzz/tnef_fuzzer.cc), which must see inside the parse. Never used on replies.
ReadResult ReadTnefInProcess(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_TNEF_READER_H_
