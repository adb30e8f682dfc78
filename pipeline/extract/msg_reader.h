// Reads an Outlook .msg (OLE2 compound file via libgsf, MAPI properties per MS-OXMSG).
#ifndef FOICODE_PIPELINE_EXTRACT_MSG_READER_H_
#define FOICODE_PIPELINE_EXTRACT_MSG_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// Sender, date, subject and body as for an e-mail; attachments (files and embedded messages)
// come back as attachments, an embedded message as message/rfc822 bytes or a nested .msg.
ReadResult ReadMsg(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_MSG_READER_H_
