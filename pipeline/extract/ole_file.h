// OLE2 compound files (libgsf), the container of Outlook .msg: read whole into a bounded tree
// of storages and streams, or written back from one, in memory.
#ifndef FOICODE_PIPELINE_EXTRACT_OLE_FILE_H_
#define FOICODE_PIPELINE_EXTRACT_OLE_FILE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/flag.h"
#include "extract/reader.h"

namespace foicode::extract {

struct OleNode {
  std::string name;               // as stored ("__substg1.0_0037001F"); a label only
  bool is_storage = false;
  std::string data;               // a stream's bytes; empty for a storage
  std::vector<OleNode> children;  // a storage's entries, in the file's order

  // The child named `child_name` (compound-file names compare case-insensitively), or null.
  const OleNode* Child(std::string_view child_name) const;
};

// Reads the compound file in `bytes` into `root`. Streams count against
// context.unpacked_bytes (shared sectors could otherwise multiply a small file); entries
// beyond limits.max_entries and storages nested deeper than `max_storage_depth` are left out
// with a flag in `flags`, as are streams that cannot be read. Returns false and sets `error`
// when `bytes` is not a readable compound file.
bool ReadOleFile(std::string_view bytes, ReadContext& context, int max_storage_depth,
                 OleNode* root, std::vector<Flag>* flags, std::string* error);

// `root`'s children written as a compound file, with `class_id` (the 16 bytes as stored) on
// its root storage. Returns empty on failure.
std::string WriteOleFile(const OleNode& root, const std::array<std::uint8_t, 16>& class_id);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_OLE_FILE_H_
