// Names for the parts a container makes up itself, such as a message attached inside another,
// which has a subject but no file name.
#ifndef FOICODE_PIPELINE_EXTRACT_PART_NAME_H_
#define FOICODE_PIPELINE_EXTRACT_PART_NAME_H_

#include <string>
#include <string_view>

namespace foicode::extract {

// The part name for an attached message with subject `subject` (any bytes): on one line, with
// "/" and "\" changed to "-" (part names join with "/" into nesting paths, so a subject's
// slash must not look like one), cut to 100 characters, ending in `extension` (".eml").
// Empty when `subject` has no visible text, so the caller can choose its own name.
std::string PartNameFromSubject(std::string_view subject, std::string_view extension);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_PART_NAME_H_
