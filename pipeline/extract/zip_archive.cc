// Bounded reading of ZIP archives with libzip, from memory.
#include "extract/zip_archive.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "core/ascii.h"
#include "core/utf8.h"

namespace foicode::extract {
namespace {

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

Flag LimitFlag(std::string message) {
  return Flag{std::string(flag_codes::kLimitReached), std::move(message)};
}

}  // namespace

std::optional<ZipArchive> ZipArchive::Open(std::string_view bytes, const Limits& limits,
                                           std::string* error, StatFunction stat) {
  // libzip opens a zero-length buffer as a new, empty archive.
  if (bytes.size() < 22) {
    *error = "not a ZIP archive: too short to hold a central directory";
    return std::nullopt;
  }
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (source == nullptr) {
    *error = std::string("cannot read the ZIP archive: ") + zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return std::nullopt;
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &zerr));
  if (!archive) {
    const int code = zip_error_code_zip(&zerr);
    if (code == ZIP_ER_NOZIP) {
      *error = "not a ZIP archive: no central directory found (corrupt or truncated)";
    } else if (code == ZIP_ER_INCONS) {
      *error = "corrupt ZIP archive: its directory is inconsistent (damaged or truncated)";
    } else {
      *error = std::string("cannot read the ZIP archive: ") + zip_error_strerror(&zerr);
    }
    zip_error_fini(&zerr);
    zip_source_free(source);  // still ours: zip_open_from_source failed
    return std::nullopt;
  }
  zip_error_fini(&zerr);

  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 0 || count > limits.max_entries) {
    *error = "the ZIP archive lists " + std::to_string(count) + " entries, over the limit of " +
             std::to_string(limits.max_entries) + " (" + LimitNote("max_entries") + ")";
    return std::nullopt;
  }
  ZipArchive result(std::move(archive));
  result.entries_.reserve(static_cast<std::size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (stat(result.archive_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) {
      ++result.unlisted_;
      continue;
    }
    ZipEntry entry;
    entry.index = static_cast<std::uint64_t>(i);
    entry.name = (st.valid & ZIP_STAT_NAME) && st.name != nullptr ? ToValidUtf8(st.name) : "";
    entry.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    entry.compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    entry.is_directory = !entry.name.empty() && entry.name.back() == '/';
    entry.encrypted =
        (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
    result.entries_.push_back(std::move(entry));
  }
  return result;
}

std::optional<Flag> ZipArchive::UnlistedFlag() const {
  if (unlisted_ == 0) return std::nullopt;
  return Flag{std::string(flag_codes::kPartUnreadable),
              std::to_string(unlisted_) + " of the archive's " +
                  std::to_string(unlisted_ + entries_.size()) +
                  " entries could not be read from its directory (damaged archive); they are "
                  "missing."};
}

const ZipEntry* ZipArchive::Find(std::string_view name) const {
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  for (const ZipEntry& entry : entries_) {
    if (entry.name == name) return &entry;
  }
  for (const ZipEntry& entry : entries_) {
    if (EqualsIgnoreCase(entry.name, name)) return &entry;
  }
  return nullptr;
}

bool ZipArchive::Read(const ZipEntry& entry, ReadContext& context, std::string* out,
                      Flag* problem) {
  const Limits& limits = context.limits;
  out->clear();
  if (entry.encrypted) {
    *problem = Flag{std::string(flag_codes::kEntryEncrypted),
                    Quoted(entry.name) + " is password-protected and was not read."};
    return false;
  }
  // A bomb is named as one first: its ratio says more than the size it would unpack to.
  const double ratio = static_cast<double>(entry.size) /
                       static_cast<double>(std::max<std::uint64_t>(entry.compressed_size, 1));
  if (entry.size >= limits.min_bytes_for_ratio_check && ratio > limits.max_unpack_ratio) {
    *problem = LimitFlag(Quoted(entry.name) + " unpacks " +
                         std::to_string(static_cast<long long>(ratio)) +
                         " times its packed size, over " +
                         std::to_string(static_cast<long long>(limits.max_unpack_ratio)) + " (" +
                         LimitNote("max_unpack_ratio") +
                         "): a suspected zip bomb; it was not read.");
    return false;
  }
  const std::uint64_t remaining = limits.max_unpacked_bytes > context.unpacked_bytes
                                      ? limits.max_unpacked_bytes - context.unpacked_bytes
                                      : 0;
  if (entry.size > remaining) {
    *problem = LimitFlag(Quoted(entry.name) + " (" + std::to_string(entry.size) +
                         " bytes) would take the bytes unpacked from this input over " +
                         std::to_string(limits.max_unpacked_bytes) + " (" +
                         LimitNote("max_unpacked_bytes") + "); it was not read.");
    return false;
  }
  if (entry.size > limits.max_file_bytes) {
    *problem = LimitFlag(Quoted(entry.name) + " unpacks to " + std::to_string(entry.size) +
                         " bytes, over the limit of " + std::to_string(limits.max_file_bytes) +
                         " (" + LimitNote("max_file_bytes") + "); it was not read.");
    return false;
  }

  struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
  };
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_.get(), entry.index, 0));
  if (!file) {
    *problem = Flag{std::string(flag_codes::kPartUnreadable),
                    Quoted(entry.name) + " could not be opened: " +
                        zip_strerror(archive_.get()) + "."};
    return false;
  }
  // The directory's size was checked above; reading one byte past it catches a directory that
  // understates the entry without unpacking any more of it.
  const std::uint64_t bound = entry.size + 1;
  constexpr std::uint64_t kChunk = 1 << 16;
  out->reserve(static_cast<std::size_t>(std::min<std::uint64_t>(entry.size, 64ull << 20)));
  char buffer[kChunk];
  bool failed = false;
  while (out->size() < bound) {
    const std::uint64_t want = std::min<std::uint64_t>(kChunk, bound - out->size());
    const zip_int64_t got = zip_fread(file.get(), buffer, want);
    if (got < 0) {
      failed = true;
      break;
    }
    if (got == 0) break;
    out->append(buffer, static_cast<std::size_t>(got));
  }
  context.unpacked_bytes += out->size();
  if (failed) {
    *problem = Flag{std::string(flag_codes::kPartUnreadable),
                    Quoted(entry.name) + " could not be unpacked: " +
                        zip_file_strerror(file.get()) + " (damaged archive)."};
    out->clear();
    return false;
  }
  if (out->size() > entry.size) {
    *problem = Flag{std::string(flag_codes::kPartUnreadable),
                    Quoted(entry.name) +
                        " unpacks to more than the archive's directory says (" +
                        std::to_string(entry.size) +
                        " bytes): damaged, or a zip bomb; it was not read."};
    out->clear();
    return false;
  }
  return true;
}

}  // namespace foicode::extract
