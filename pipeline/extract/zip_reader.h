// Reads a ZIP archive (libzip): every entry becomes an attachment, within the unpack limits.
#ifndef FOICODE_PIPELINE_EXTRACT_ZIP_READER_H_
#define FOICODE_PIPELINE_EXTRACT_ZIP_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// Encrypted entries, entries over the ratio limit and entries past the size budget are skipped
// with a flag naming them; the archive's other entries are still returned.
ReadResult ReadZip(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_ZIP_READER_H_
