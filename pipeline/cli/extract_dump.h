// The readable form of `foicode extract`: the text of each part and page under markers.
#ifndef FOICODE_PIPELINE_CLI_EXTRACT_DUMP_H_
#define FOICODE_PIPELINE_CLI_EXTRACT_DUMP_H_

#include <string>

#include "core/extracted_source.h"

namespace foicode::cli {

std::string ExtractDump(const ExtractedSource& source);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_EXTRACT_DUMP_H_
