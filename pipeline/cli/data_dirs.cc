#include "cli/data_dirs.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "extract/sha256.h"

namespace foicode::cli {
namespace {

bool HoldsData(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "dictionaries", ec) &&
         std::filesystem::is_directory(dir / "rules", ec);
}

}  // namespace

std::filesystem::path FindDataDir(const std::string& flag_value, const char* argv0) {
  if (!flag_value.empty()) return HoldsData(flag_value) ? std::filesystem::path(flag_value) : "";
  std::error_code ec;
  // /proc/self/exe is the binary even when it was started through a symlink or $PATH.
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec && argv0 != nullptr) exe = std::filesystem::absolute(argv0, ec);
  if (!exe.empty() && HoldsData(exe.parent_path().parent_path())) return exe.parent_path().parent_path();
  if (HoldsData(FOICODE_SOURCE_DIR)) return FOICODE_SOURCE_DIR;
  return "";
}

std::string ProgramFingerprint() {
  static const std::string fingerprint = [] {
    std::ifstream in("/proc/self/exe", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::string(FOICODE_VERSION) + "-" + extract::Sha256Hex(bytes.str()).substr(0, 16);
  }();
  return fingerprint;
}

std::string DataFingerprint(const std::filesystem::path& data) {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"dictionaries", "rules"}) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(data / folder, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  std::string all = ProgramFingerprint();
  for (const std::filesystem::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    all += "\n" + std::filesystem::relative(f, data).string() + "\n" + extract::Sha256Hex(bytes.str());
  }
  return extract::Sha256Hex(all);
}

}  // namespace foicode::cli
