#include "batch/input_walk.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "core/utf8.h"

namespace foicode::batch {
namespace {

// A path's bytes as a label for the dataset, which is UTF-8: bytes that are not (a name made
// on another system, in Latin-1) are written \xhh, so two names that differ only there stay
// two labels instead of both becoming U+FFFD.
std::string DisplayText(std::string_view raw) {
  if (IsValidUtf8(raw)) return std::string(raw);
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    const std::int32_t c = CodePointAt(raw, i);
    if (c >= 0) {
      const std::size_t length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      out.append(raw.substr(i, length));
      i += length;
      continue;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(raw[i++]);
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

// "replies/" + "a/b.pdf" -> "replies/a/b.pdf"; a trailing slash on the argument is dropped.
std::string JoinDisplay(const std::string& arg, const std::filesystem::path& relative) {
  std::string base = arg;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return DisplayText(base + "/" + relative.generic_string());
}

}  // namespace

Status WalkInputs(const std::vector<std::string>& paths, const std::filesystem::path& exclude,
                  std::vector<InputFile>* inputs) {
  namespace fs = std::filesystem;
  std::error_code exclude_ec;
  const fs::path excluded =
      exclude.empty() ? fs::path() : fs::weakly_canonical(exclude, exclude_ec);
  std::vector<InputFile> found;
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::path root(arg);
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) return Status::Error("no such file or folder: " + arg);
    if (!fs::is_directory(status)) {
      found.push_back(InputFile{DisplayText(arg), root});
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::Error("cannot read folder " + arg + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Status::Error("cannot read folder " + arg + ": " + ec.message());
      std::error_code type_ec;
      if (!excluded.empty() && it->is_directory(type_ec) &&
          fs::weakly_canonical(it->path(), type_ec) == excluded) {
        it.disable_recursion_pending();
        continue;
      }
      // Regular files and links to them are inputs; folders are walked; sockets and the
      // like are not replies.
      if (it->is_regular_file(type_ec)) {
        found.push_back(InputFile{JoinDisplay(arg, fs::relative(it->path(), root, type_ec)),
                                  it->path()});
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
  // The same file named twice (by two overlapping arguments) is read once.
  std::set<fs::path> seen;
  inputs->clear();
  for (InputFile& f : found) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(f.fs_path, ec);
    if (ec) canonical = f.fs_path;
    if (seen.insert(canonical).second) inputs->push_back(std::move(f));
  }
  return Status::Ok();
}

}  // namespace foicode::batch
