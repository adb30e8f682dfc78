// Reads a ZIP archive: each file entry becomes an attachment, read next by the dispatcher.
#include "extract/zip_reader.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/zip_archive.h"

namespace foicode::extract {
namespace {

// Finder's resource forks ("__MACOSX/._letter.pdf") hold no text; reading them would only add
// unreadable parts to every zip made on a Mac.
bool IsMacMetadata(std::string_view name) {
  return name.starts_with("__MACOSX/") || name == ".DS_Store" || name.ends_with("/.DS_Store");
}

// The part's error, from what was not read (one sentence each, flagged too): the first few
// named, the rest counted, so an archive of a thousand locked files still gets one line.
std::string NotRead(const std::vector<std::string>& problems) {
  constexpr std::size_t kNamed = 3;
  std::string error;
  for (std::size_t i = 0; i < problems.size() && i < kNamed; ++i) {
    std::string_view problem = problems[i];
    if (problem.ends_with('.')) problem.remove_suffix(1);
    if (!error.empty()) error += "; ";
    error += problem;
  }
  if (problems.size() > kNamed) {
    error += "; and " + std::to_string(problems.size() - kNamed) + " more entries were not read";
  }
  return error;
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
  // A part that could not be read is an error of the archive's, not only a flag.
  std::vector<std::string> problems;
  if (std::optional<Flag> unlisted = archive->UnlistedFlag()) {
    problems.push_back(unlisted->message);
    result.flags.push_back(*unlisted);
  }
  for (const ZipEntry& entry : archive->entries()) {
    if (entry.is_directory || IsMacMetadata(entry.name)) continue;
    // The dispatcher bounds parts too; stopping here keeps the skipped entries packed.
    if (static_cast<int>(result.attachments.size()) >= context.limits.max_parts) {
      Flag limit{std::string(flag_codes::kLimitReached),
                 "Entries after the first " + std::to_string(context.limits.max_parts) +
                     " were not read (" + LimitNote("max_parts") + ")."};
      problems.push_back(limit.message);
      result.flags.push_back(std::move(limit));
      break;
    }
    std::string data;
    Flag problem;
    if (!archive->Read(entry, context, &data, &problem)) {
      problems.push_back(problem.message);
      result.flags.push_back(std::move(problem));
      continue;
    }
    result.attachments.push_back(Attachment{entry.name, std::move(data), "", ""});
  }
  if (result.attachments.empty()) {
    result.flags.push_back(Flag{std::string(flag_codes::kContainerEmpty),
                                "The archive holds no file that could be read."});
  }
  if (!problems.empty()) result.error = NotRead(problems);
  return result;
}

}  // namespace foicode::extract
