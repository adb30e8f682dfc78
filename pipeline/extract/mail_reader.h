// Reads an Internet message (.eml, a forwarded message/rfc822) with GMime.
#ifndef FOICODE_PIPELINE_EXTRACT_MAIL_READER_H_
#define FOICODE_PIPELINE_EXTRACT_MAIL_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// The body (best of multipart/alternative; HTML rendered to text) becomes one page with the
// envelope headers in `headers` and quoted earlier messages marked; every other leaf part is
// returned as an attachment. Malformed MIME is read as far as it goes and flagged.
ReadResult ReadMail(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_MAIL_READER_H_
