// Reads an Outlook .msg (OLE2 compound file via libgsf, MAPI properties per MS-OXMSG).
#ifndef FOICODE_PIPELINE_EXTRACT_MSG_READER_H_
#define FOICODE_PIPELINE_EXTRACT_MSG_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// Sender, date, subject and body as for an e-mail (header lines, then the plain body, else the
// HTML body as text, else the compressed RTF body); files come back as attachments, and each
// embedded message as a .msg of its own named by its subject ("Original request.msg").
// Not an OLE2 file, damaged or without message properties: `error` set.
ReadResult ReadMsg(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_MSG_READER_H_
