// Reads a ZIP archive: each file entry becomes an attachment, read next by the dispatcher.
#include "extract/zip_reader.h"

#include <string>
#include <utility>

#include "extract/zip_archive.h"

namespace foicode::extract {
namespace {

// Finder's resource forks ("__MACOSX/._letter.pdf") hold no text; reading them would only add
// unreadable parts to every zip made on a Mac.
bool IsMacMetadata(std::string_view name) {
  return name.starts_with("__MACOSX/") || name == ".DS_Store" || name.ends_with("/.DS_Store");
}

}  // namespace

ReadResult ReadZip(std::string_view bytes, ReadContext& context) {
  ReadResult result;
  std::string error;
  std::optional<ZipArchive> archive = ZipArchive::Open(bytes, context.limits, &error);
  if (!archive) {
    result.error = error;
    return result;
  }
  if (std::optional<Flag> unlisted = archive->UnlistedFlag()) result.flags.push_back(*unlisted);
  for (const ZipEntry& entry : archive->entries()) {
    if (entry.is_directory || IsMacMetadata(entry.name)) continue;
    // The dispatcher bounds parts too; stopping here keeps the skipped entries packed.
    if (static_cast<int>(result.attachments.size()) >= context.limits.max_parts) {
      result.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                  "Entries after the first " +
                                      std::to_string(context.limits.max_parts) +
                                      " were not read (limit max_parts)."});
      break;
    }
    std::string data;
    Flag problem;
    if (!archive->Read(entry, context, &data, &problem)) {
      result.flags.push_back(std::move(problem));
      continue;
    }
    result.attachments.push_back(Attachment{entry.name, std::move(data), "", ""});
  }
  if (result.attachments.empty()) {
    result.flags.push_back(Flag{std::string(flag_codes::kContainerEmpty),
                                "The archive holds no file that could be read."});
  }
  return result;
}

}  // namespace foicode::extract
