// Compound files through libgsf: GsfInfileMSOle over a memory input (no copy) to read,
// GsfOutfileMSOle over a memory output to write.
#include "extract/ole_file.h"

#include <gsf/gsf.h>

#include <algorithm>
#include <mutex>

#include "core/ascii.h"
#include "extract/gobject_ptr.h"
#include "extract/limits.h"

namespace foicode::extract {
namespace {

void InitGsf() {
  static std::once_flag once;
  std::call_once(once, [] {
    gsf_init();
    // libgsf reports damage in hostile files as GLib criticals on stderr; the reader turns the
    // same damage into flags, so the messages would only be noise in a batch run.
    g_log_set_handler("libgsf:msole",
                      static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING),
                      [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  });
}

class TreeReader {
 public:
  TreeReader(ReadContext& context, int max_storage_depth, std::vector<Flag>* flags)
      : context_(context), max_storage_depth_(max_storage_depth), flags_(flags) {}

  void ReadStorage(GsfInfile* storage, int depth, OleNode* node) {
    const int count = gsf_infile_num_children(storage);
    for (int i = 0; i < count; ++i) {
      if (++entries_ > context_.limits.max_entries) {
        Once(&entries_reported_, flag_codes::kLimitReached,
             "The message has more than " + std::to_string(context_.limits.max_entries) +
                 " entries; the rest were not read (" + LimitNote("max_entries") + ").");
        return;
      }
      GObjectPtr<GsfInput> child(gsf_infile_child_by_index(storage, i));
      if (!child) {
        Once(&damage_reported_, flag_codes::kPartUnreadable,
             "Part of the message file is damaged and could not be read.");
        continue;
      }
      OleNode entry;
      const char* name = gsf_input_name(child.get());
      entry.name = name != nullptr ? name : "";
      const bool is_storage =
          GSF_IS_INFILE(child.get()) && gsf_infile_num_children(GSF_INFILE(child.get())) >= 0;
      if (is_storage) {
        entry.is_storage = true;
        if (depth + 1 > max_storage_depth_) {
          Once(&depth_reported_, flag_codes::kLimitReached,
               "Messages attached inside messages nest too deep; the deepest were not read "
               "(" + LimitNote("max_depth") + ").");
          continue;
        }
        ReadStorage(GSF_INFILE(child.get()), depth + 1, &entry);
      } else if (!ReadStream(child.get(), &entry.data)) {
        continue;
      }
      node->children.push_back(std::move(entry));
    }
  }

 private:
  void Once(bool* reported, std::string_view code, std::string message) {
    if (*reported) return;
    *reported = true;
    flags_->push_back(Flag{std::string(code), std::move(message)});
  }

  bool ReadStream(GsfInput* stream, std::string* data) {
    const Limits& limits = context_.limits;
    const gsf_off_t size = gsf_input_size(stream);
    const std::uint64_t remaining = limits.max_unpacked_bytes > context_.unpacked_bytes
                                        ? limits.max_unpacked_bytes - context_.unpacked_bytes
                                        : 0;
    if (size < 0 || static_cast<std::uint64_t>(size) > remaining) {
      Once(&budget_reported_, flag_codes::kLimitReached,
           "Parts of the message were not read: they would take the bytes unpacked from this "
           "input over " + std::to_string(limits.max_unpacked_bytes) +
               " (" + LimitNote("max_unpacked_bytes") + ").");
      return false;
    }
    data->resize(static_cast<std::size_t>(size));
    constexpr gsf_off_t kChunk = 1 << 20;
    for (gsf_off_t done = 0; done < size;) {
      const gsf_off_t want = std::min(kChunk, size - done);
      if (gsf_input_read(stream, static_cast<std::size_t>(want),
                         reinterpret_cast<guint8*>(data->data() + done)) == nullptr) {
        Once(&damage_reported_, flag_codes::kPartUnreadable,
             "Part of the message file is damaged and could not be read.");
        data->clear();
        return false;
      }
      done += want;
    }
    context_.unpacked_bytes += static_cast<std::uint64_t>(size);
    return true;
  }

  ReadContext& context_;
  int max_storage_depth_;
  std::vector<Flag>* flags_;
  int entries_ = 0;
  bool entries_reported_ = false, damage_reported_ = false, depth_reported_ = false,
       budget_reported_ = false;
};

bool WriteChildren(GsfOutfile* parent, const OleNode& node) {
  for (const OleNode& child : node.children) {
    GObjectPtr<GsfOutput> out(gsf_outfile_new_child(parent, child.name.c_str(), child.is_storage));
    if (!out) return false;
    bool ok = child.is_storage
                  ? WriteChildren(GSF_OUTFILE(out.get()), child)
                  : gsf_output_write(out.get(), child.data.size(),
                                     reinterpret_cast<const guint8*>(child.data.data()));
    ok = gsf_output_close(out.get()) && ok;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

const OleNode* OleNode::Child(std::string_view child_name) const {
  for (const OleNode& child : children) {
    if (EqualsIgnoreCase(child.name, child_name)) return &child;
  }
  return nullptr;
}

bool ReadOleFile(std::string_view bytes, ReadContext& context, int max_storage_depth,
                 OleNode* root, std::vector<Flag>* flags, std::string* error) {
  InitGsf();
  // needs_free = FALSE: the input only borrows `bytes`, which outlive it.
  GObjectPtr<GsfInput> input(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                                  static_cast<gsf_off_t>(bytes.size()), FALSE));
  if (!input) {
    *error = "cannot read the compound file";
    return false;
  }
  GError* gerror = nullptr;
  GObjectPtr<GsfInfile> file(gsf_infile_msole_new(input.get(), &gerror));
  if (!file) {
    *error = std::string("not an OLE2 compound file or damaged") +
             (gerror != nullptr && gerror->message != nullptr
                  ? std::string(" (") + gerror->message + ")"
                  : std::string());
    if (gerror != nullptr) g_error_free(gerror);
    return false;
  }
  if (gerror != nullptr) g_error_free(gerror);
  root->is_storage = true;
  root->children.clear();
  TreeReader(context, max_storage_depth, flags).ReadStorage(file.get(), 0, root);
  return true;
}

std::string WriteOleFile(const OleNode& root, const std::array<std::uint8_t, 16>& class_id) {
  InitGsf();
  GObjectPtr<GsfOutput> memory(gsf_output_memory_new());
  std::string bytes;
  {
    GObjectPtr<GsfOutfile> file(gsf_outfile_msole_new(memory.get()));
    if (!file) return "";
    gsf_outfile_msole_set_class_id(GSF_OUTFILE_MSOLE(file.get()), class_id.data());
    const bool ok = WriteChildren(file.get(), root);
    if (!gsf_output_close(GSF_OUTPUT(file.get())) || !ok) return "";
  }
  const guint8* data = gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(memory.get()));
  const gsf_off_t size = gsf_output_size(memory.get());
  // Closing the compound file closed `memory` too; its bytes stay until it is freed.
  if (data != nullptr && size > 0) {
    bytes.assign(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
  }
  return bytes;
}

}  // namespace foicode::extract
