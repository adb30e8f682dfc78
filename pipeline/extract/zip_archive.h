// A bounded ZIP archive in memory (libzip), shared by the zip, DOCX and XLSX readers: entry
// count, per-entry size, unpack ratio and the input's total unpacked bytes are all limited.
#ifndef FOICODE_PIPELINE_EXTRACT_ZIP_ARCHIVE_H_
#define FOICODE_PIPELINE_EXTRACT_ZIP_ARCHIVE_H_

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/flag.h"
#include "extract/limits.h"
#include "extract/reader.h"

namespace foicode::extract {

struct ZipEntry {
  std::string name;                 // as stored, valid UTF-8; a label only, never a path on disk
  std::uint64_t index = 0;          // libzip's index
  std::uint64_t size = 0;           // unpacked bytes, as the central directory claims (may lie)
  std::uint64_t compressed_size = 0;
  bool is_directory = false;        // the name ends in "/"
  bool encrypted = false;           // any encryption method other than none
};

class ZipArchive {
 public:
  // libzip's zip_stat_index; tests pass a stand-in, since no byte sequence makes it fail.
  using StatFunction = int (*)(zip_t*, zip_uint64_t, zip_flags_t, zip_stat_t*);

  // Opens the archive in `bytes`, which must stay live while the archive is in use. Returns
  // nullopt and sets `error` (a sentence for a person) when `bytes` is not a readable zip or
  // lists more than limits.max_entries entries. An entry that cannot be described is left out
  // of entries() and counted in UnlistedFlag().
  static std::optional<ZipArchive> Open(std::string_view bytes, const Limits& limits,
                                        std::string* error, StatFunction stat = zip_stat_index);

  // Every entry, directories included, in central-directory order.
  const std::vector<ZipEntry>& entries() const { return entries_; }

  // A part_unreadable flag saying how many directory entries could not be described and so
  // are missing from entries(); nullopt when every entry was listed. Readers add it to their
  // flags so that the loss is recorded.
  std::optional<Flag> UnlistedFlag() const;

  // The entry named `name` (a leading "/" ignored; exact match first, then ASCII
  // case-insensitive as OPC part names are), or null.
  const ZipEntry* Find(std::string_view name) const;

  // Unpacks `entry` into `out`, adding what it unpacked to context.unpacked_bytes. Checks the
  // directory's size against max_unpack_ratio, the input's max_unpacked_bytes budget and
  // max_file_bytes (in that order: the first reached is named) before reading, and stops
  // reading as soon as more comes out than the directory said. On failure returns false and
  // sets `problem` to a flag naming the entry (entry_encrypted, limit_reached or
  // part_unreadable).
  bool Read(const ZipEntry& entry, ReadContext& context, std::string* out, Flag* problem);

 private:
  struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };
  explicit ZipArchive(std::unique_ptr<zip_t, ZipCloser> archive) : archive_(std::move(archive)) {}

  std::unique_ptr<zip_t, ZipCloser> archive_;
  std::vector<ZipEntry> entries_;
  std::uint64_t unlisted_ = 0;  // directory entries zip_stat_index refused
};

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_ZIP_ARCHIVE_H_
